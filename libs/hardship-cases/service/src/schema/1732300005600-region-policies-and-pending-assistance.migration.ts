import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `region_policy_version`: one row per publication of a region's policy (the `policy-<region>`
 * streams), behind `GET /policies/regions` (the admin's list of regions with their versions).
 * Filled from the publications already in the log, exactly as the projection writes them. And an
 * index for the assistance waiting for a second reviewer (`GET /assistance?status=pending_approval`,
 * the approvals inbox), a small part of `case_assistance`.
 */
export class RegionPoliciesAndPendingAssistance1732300005600 implements MigrationInterface {
  name = 'RegionPoliciesAndPendingAssistance1732300005600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE region_policy_version (
        region_code                 text    NOT NULL,
        version                     integer NOT NULL,
        policy_version              text    NOT NULL,
        minimum_living_standard_fen bigint  NOT NULL,
        relative_multiplier_bp      integer NOT NULL,
        published_by                text    NOT NULL,
        published_at                text    NOT NULL,
        PRIMARY KEY (region_code, version)
      )`);
    await q.query(`
      INSERT INTO region_policy_version
      SELECT data->>'regionCode', version, data->>'policyVersion',
             (data->>'minimumLivingStandardFen')::bigint, (data->>'relativeMultiplierBp')::integer,
             data->>'publishedBy', data->>'publishedAt'
      FROM events WHERE stream_type = 'policy' AND type = 'RegionPolicyPublished'`);
    await q.query(
      `CREATE INDEX case_assistance_pending ON case_assistance (recorded_on) WHERE status = 'pending_approval'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX case_assistance_pending`);
    await q.query(`DROP TABLE region_policy_version`);
  }
}
