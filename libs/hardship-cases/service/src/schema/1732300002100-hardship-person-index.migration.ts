import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's cases of every status (`GET /people/{idNumber}`): the unique index on `person_ref`
 * covers open cases only. Their assistance is found through `case_assistance_case`.
 */
export class HardshipPersonIndex1732300002100 implements MigrationInterface {
  name = 'HardshipPersonIndex1732300002100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX case_summary_person ON case_summary (person_ref)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX case_summary_person`);
  }
}
