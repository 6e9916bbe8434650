import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { VisitRow } from '@union/hardship-cases/domain';

/** `case_visit`: one row per home visit, behind `visits[]`. */
@Entity('case_visit')
export class VisitEntity {
  @PrimaryColumn({ name: 'visit_id', type: 'text' }) visitId: string;
  @Column({ name: 'case_id', type: 'text' }) caseId: string;
  @Column({ name: 'visited_on', type: 'date' }) visitedOn: string;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'jsonb' }) data: VisitRow;
}
