import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models of the medical-aid service. Each keeps the domain's row as jsonb and copies out the
 * columns that lists filter on and the fund report sums. Membership rows are written in bulk by
 * enrollment, so that table carries as few indexes as its queries need.
 */
export class MedicalAidReadModels1732300003000 implements MigrationInterface {
  name = 'MedicalAidReadModels1732300003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE period_summary (
        period_id  text PRIMARY KEY,
        opened_at  timestamptz NOT NULL,
        version    integer NOT NULL,
        data       jsonb NOT NULL
      )`);
    await q.query(`
      CREATE TABLE membership_summary (
        member_key              text PRIMARY KEY,
        period_id               text NOT NULL,
        person_ref              text NOT NULL,
        unit_id                 text NOT NULL,
        waived                  boolean NOT NULL,
        contribution_fen        bigint NOT NULL,
        serious_illness_aid_fen bigint NOT NULL,
        version                 integer NOT NULL,
        data                    jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX membership_summary_period ON membership_summary (period_id)`);
    await q.query(`
      CREATE TABLE claim_summary (
        claim_id     text PRIMARY KEY,
        period_id    text NOT NULL,
        person_ref   text NOT NULL,
        unit_id      text NOT NULL,
        status       text NOT NULL,
        payout_fen   bigint NOT NULL,
        submitted_at timestamptz NOT NULL,
        version      integer NOT NULL,
        data         jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX claim_summary_worklist ON claim_summary (period_id, status, unit_id)`);
    await q.query(`CREATE INDEX claim_summary_member ON claim_summary (period_id, person_ref)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE claim_summary`);
    await q.query(`DROP TABLE membership_summary`);
    await q.query(`DROP TABLE period_summary`);
  }
}
