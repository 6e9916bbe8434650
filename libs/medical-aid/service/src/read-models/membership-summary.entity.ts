import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MembershipRow } from '@union/medical-aid/domain';
import { FEN_COLUMN } from './bigint.transformer';

/**
 * `membership_summary`: one row per member and period (stream `member-<periodId>-<personRef>`),
 * behind `GET /periods/{periodId}/members/{idNumber}` and the fund report. The key is the stream
 * id without its `member-` prefix; the columns the fund report sums are copied out of `data`.
 */
@Entity('membership_summary')
export class MembershipSummaryEntity {
  @PrimaryColumn({ name: 'member_key', type: 'text' }) memberKey: string;
  @Column({ name: 'period_id', type: 'text' }) periodId: string;
  @Column({ name: 'person_ref', type: 'text' }) personRef: string;
  @Column({ name: 'unit_id', type: 'text' }) unitId: string;
  @Column({ type: 'boolean' }) waived: boolean;
  @Column({ name: 'contribution_fen', type: 'bigint', transformer: FEN_COLUMN }) contributionFen: number;
  @Column({ name: 'serious_illness_aid_fen', type: 'bigint', transformer: FEN_COLUMN })
  seriousIllnessAidFen: number;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'jsonb' }) data: MembershipRow;
}

/** The read-model key of a member in a period: the stream id `member-<key>` without its prefix. */
export const memberKeyOf = (periodId: string, personRef: string): string => `${periodId}-${personRef}`;
