import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ClaimRow } from '@union/medical-aid/domain';
import { FEN_COLUMN } from './bigint.transformer';

/** `claim_summary`: one row per claim, behind `GET /claims`, `GET /claims/{id}` and the fund report. */
@Entity('claim_summary')
export class ClaimSummaryEntity {
  @PrimaryColumn({ name: 'claim_id', type: 'text' }) claimId: string;
  @Column({ name: 'period_id', type: 'text' }) periodId: string;
  @Column({ name: 'person_ref', type: 'text' }) personRef: string;
  @Column({ name: 'unit_id', type: 'text' }) unitId: string;
  @Column({ type: 'text' }) status: string;
  @Column({ name: 'payout_fen', type: 'bigint', transformer: FEN_COLUMN }) payoutFen: number;
  @Column({ name: 'submitted_at', type: 'timestamptz' }) submittedAt: string;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'jsonb' }) data: ClaimRow;
}
