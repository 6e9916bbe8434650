import { Column, Entity, PrimaryColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import type { HardshipTier } from '@union/contracts';

/** The consuming service's copy of who holds a hardship case, fed by `hardship.cases.v1`. */
@Entity('hardship_eligibility')
export class HardshipEligibilityEntity {
  @PrimaryColumn({ name: 'person_ref', type: 'text' }) personRef: string;
  @Column({ name: 'case_id', type: 'text' }) caseId: string;
  @Column({ type: 'boolean' }) open: boolean;
  @Column({ type: 'text' }) tier: HardshipTier;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

export class HardshipEligibility1732300000100 implements MigrationInterface {
  name = 'HardshipEligibility1732300000100';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE hardship_eligibility (
      person_ref text PRIMARY KEY, case_id text NOT NULL, open boolean NOT NULL, tier text NOT NULL,
      updated_at timestamptz NOT NULL)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE hardship_eligibility`);
  }
}
