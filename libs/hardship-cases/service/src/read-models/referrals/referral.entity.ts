import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReferralRow } from '@union/hardship-cases/domain';

/** `referral`: one row per referral stream, behind `GET /referrals` and `referrals[]` of a case. */
@Entity('referral')
export class ReferralEntity {
  @PrimaryColumn({ name: 'referral_id', type: 'text' }) referralId: string;
  @Column({ type: 'text' }) status: string;
  @Column({ name: 'person_ref', type: 'text' }) personRef: string;
  @Column({ name: 'unit_id', type: 'text' }) unitId: string;
  @Column({ name: 'case_id', type: 'text', nullable: true }) caseId: string | null;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'jsonb' }) data: ReferralRow;
}
