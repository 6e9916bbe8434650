import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseSummaryRow } from '@union/hardship-cases/domain';

/** `case_summary`: one row per case, behind `GET /cases` and the head of `GET /cases/{id}`. */
@Entity('case_summary')
export class CaseSummaryEntity {
  @PrimaryColumn({ name: 'case_id', type: 'text' }) caseId: string;
  @Column({ name: 'person_ref', type: 'text' }) personRef: string;
  @Column({ name: 'unit_id', type: 'text' }) unitId: string;
  @Column({ type: 'text' }) status: string;
  @Column({ type: 'text' }) tier: string;
  @Column({ name: 'next_review_due', type: 'date', nullable: true }) nextReviewDue: string | null;
  @Column({ name: 'visit_overdue_on', type: 'date' }) visitOverdueOn: string;
  @Column({ name: 'opened_at', type: 'timestamptz' }) openedAt: string;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'jsonb' }) data: CaseSummaryRow;
}
