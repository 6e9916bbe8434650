import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ExternalAssistanceRow } from '@union/hardship-cases/domain';
import { FEN_COLUMN } from '../fen.column';

/** `case_external_assistance`: one row per source event of another programme, behind `externalAssistance[]`. */
@Entity('case_external_assistance')
export class ExternalAssistanceEntity {
  @PrimaryColumn({ name: 'source_event_id', type: 'text' }) sourceEventId: string;
  @Column({ name: 'case_id', type: 'text' }) caseId: string;
  @Column({ type: 'text' }) source: string;
  @Column({ ...FEN_COLUMN, name: 'amount_fen' }) amountFen: number;
  @Column({ name: 'occurred_on', type: 'date' }) occurredOn: string;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'jsonb' }) data: ExternalAssistanceRow;
}
