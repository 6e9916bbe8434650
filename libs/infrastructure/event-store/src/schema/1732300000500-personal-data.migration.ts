import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal data keys (issue 18, docs/personal-information.md): one data key per person, wrapped by
 * the master key; erasure destroys the wrapped key and keeps the row (so no key is made again for
 * that person). `master_key_checks` holds a value wrapped by each master key in use, so a service
 * started with the wrong key fails at start instead of at the first read.
 */
export class PersonalData1732300000500 implements MigrationInterface {
  name = 'PersonalData1732300000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE person_keys (
        person_ref    text        PRIMARY KEY,
        master_key_id text,
        wrapped_key   bytea,
        created_at    timestamptz NOT NULL DEFAULT now(),
        erased_at     timestamptz,
        CONSTRAINT person_keys_erased_or_keyed CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE master_key_checks (
        master_key_id text        PRIMARY KEY,
        check_value   bytea       NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE master_key_checks`);
    await q.query(`DROP TABLE person_keys`);
  }
}
