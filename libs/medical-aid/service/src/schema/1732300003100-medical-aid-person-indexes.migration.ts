import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `GET /people/{idNumber}` reads a person's memberships and claims across periods by `person_ref`.
 * Memberships get a person index; the claims' `(period_id, person_ref)` index is turned around to
 * `(person_ref, period_id)`, which serves both the per-person read and the membership's claims.
 */
export class MedicalAidPersonIndexes1732300003100 implements MigrationInterface {
  name = 'MedicalAidPersonIndexes1732300003100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX membership_summary_person ON membership_summary (person_ref)`);
    await q.query(`CREATE INDEX claim_summary_person ON claim_summary (person_ref, period_id)`);
    await q.query(`DROP INDEX claim_summary_member`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX claim_summary_member ON claim_summary (period_id, person_ref)`);
    await q.query(`DROP INDEX claim_summary_person`);
    await q.query(`DROP INDEX membership_summary_person`);
  }
}
