import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AssistanceRow } from '@union/hardship-cases/domain';
import { FEN_COLUMN } from '../fen.column';

/** `case_assistance`: one row per assistance, behind `assistance[]` and the yearly figures. */
@Entity('case_assistance')
export class AssistanceEntity {
  @PrimaryColumn({ name: 'assistance_id', type: 'text' }) assistanceId: string;
  @Column({ name: 'case_id', type: 'text' }) caseId: string;
  @Column({ type: 'text' }) status: string;
  @Column({ type: 'text' }) category: string;
  @Column({ name: 'fund_id', type: 'text', nullable: true }) fundId: string | null;
  @Column({ name: 'fund_source', type: 'text', nullable: true }) fundSource: string | null;
  @Column({ type: 'integer' }) year: number;
  @Column({ ...FEN_COLUMN, name: 'amount_fen' }) amountFen: number;
  @Column({ name: 'recorded_on', type: 'date' }) recordedOn: string;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'jsonb' }) data: AssistanceRow;
}
