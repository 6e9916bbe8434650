import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { HolidayBatchRow } from '@union/hardship-cases/domain';

/** `holiday_batch`: one row per batch stream, behind `GET /holiday-batches/{batchId}`. */
@Entity('holiday_batch')
export class HolidayBatchEntity {
  @PrimaryColumn({ name: 'batch_id', type: 'text' }) batchId: string;
  @Column({ type: 'text' }) status: string;
  @Column({ name: 'org_id', type: 'text' }) orgId: string;
  @Column({ name: 'fund_id', type: 'text' }) fundId: string;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'jsonb' }) data: HolidayBatchRow;
}
