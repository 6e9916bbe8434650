import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The people whose processing is restricted or whose data is erased in this service (issue 18,
 * docs/personal-information.md, "Restriction"): the one table the store's append checks before it
 * writes an event about a person, and the worklists and batches leave out. A projection of the
 * `privacy-<personRef>` streams (`PersonalDataRestricted`, `PersonalDataErased`), kept in the
 * transaction of their append.
 */
export class RestrictedPeople1732300000600 implements MigrationInterface {
  name = 'RestrictedPeople1732300000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE restricted_people (
        person_ref     text        PRIMARY KEY,
        restricted_at  timestamptz,
        request_id     text,
        erased_at      timestamptz,
        CONSTRAINT restricted_people_restricted_or_erased CHECK (restricted_at IS NOT NULL OR erased_at IS NOT NULL)
      )`);
    // Erasures recorded before this table existed.
    await q.query(`
      INSERT INTO restricted_people (person_ref, erased_at)
      SELECT person_ref, min(recorded_at) FROM events
      WHERE type = 'PersonalDataErased' AND stream_type = 'privacy' AND person_ref IS NOT NULL
      GROUP BY person_ref`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE restricted_people`);
  }
}
