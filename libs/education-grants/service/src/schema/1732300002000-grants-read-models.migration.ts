import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models of the education-grants service (the eligibility table comes from the runtime's
 * own migration). The full rows are kept as jsonb (the domain's CampaignRow and ApplicationRow);
 * the columns lists, the report, recurring students and the eligibility listener filter on are
 * copied out and indexed. A partial unique index backs "one live application per student per
 * campaign" even when two submissions race.
 */
export class GrantsReadModels1732300002000 implements MigrationInterface {
  name = 'GrantsReadModels1732300002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE grant_campaign (
        campaign_id  text PRIMARY KEY,
        year         integer NOT NULL,
        status       text NOT NULL,
        version      integer NOT NULL,
        data         jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX grant_campaign_year ON grant_campaign (year)`);
    await q.query(`
      CREATE TABLE grant_application (
        application_id     text PRIMARY KEY,
        campaign_id        text NOT NULL,
        unit_id            text NOT NULL,
        status             text NOT NULL,
        parent_person_ref  text NOT NULL,
        student_person_ref text NOT NULL,
        recurring          boolean NOT NULL,
        submitted_at       timestamptz NOT NULL,
        version            integer NOT NULL,
        data               jsonb NOT NULL
      )`);
    await q.query(
      `CREATE UNIQUE INDEX grant_application_one_live_per_student ON grant_application (campaign_id, student_person_ref)
       WHERE status NOT IN ('rejected', 'withdrawn')`,
    );
    await q.query(
      `CREATE INDEX grant_application_worklist ON grant_application (campaign_id, status, unit_id)`,
    );
    await q.query(`CREATE INDEX grant_application_unit ON grant_application (unit_id, status)`);
    await q.query(`CREATE INDEX grant_application_parent ON grant_application (parent_person_ref)`);
    await q.query(
      `CREATE INDEX grant_application_recurring ON grant_application (submitted_at) WHERE recurring`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE grant_application`);
    await q.query(`DROP TABLE grant_campaign`);
  }
}
