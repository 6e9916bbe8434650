import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ApplicationRow } from '@union/education-grants/domain';

/** `grant_application`: one row per application, behind `GET /applications` and the report. */
@Entity('grant_application')
export class GrantApplicationEntity {
  @PrimaryColumn({ name: 'application_id', type: 'text' }) applicationId: string;
  @Column({ name: 'campaign_id', type: 'text' }) campaignId: string;
  @Column({ name: 'unit_id', type: 'text' }) unitId: string;
  @Column({ type: 'text' }) status: string;
  @Column({ name: 'parent_person_ref', type: 'text' }) parentPersonRef: string;
  @Column({ name: 'student_person_ref', type: 'text' }) studentPersonRef: string;
  @Column({ type: 'boolean' }) recurring: boolean;
  @Column({ name: 'submitted_at', type: 'timestamptz' }) submittedAt: Date;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'jsonb' }) data: ApplicationRow;
}
