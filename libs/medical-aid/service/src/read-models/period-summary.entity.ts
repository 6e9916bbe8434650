import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PeriodRow } from '@union/medical-aid/domain';

/** `period_summary`: one row per period, behind `GET /periods/{periodId}`. */
@Entity('period_summary')
export class PeriodSummaryEntity {
  @PrimaryColumn({ name: 'period_id', type: 'text' }) periodId: string;
  @Column({ name: 'opened_at', type: 'timestamptz' }) openedAt: string;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'jsonb' }) data: PeriodRow;
}
