import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models of the hardship service. The full row is kept as jsonb (the domain's
 * CaseSummaryRow); the columns the worklists filter on are copied out and indexed. A partial
 * unique index backs "one open case per person" even against a race.
 */
export class HardshipReadModels1732300001000 implements MigrationInterface {
  name = 'HardshipReadModels1732300001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_summary (
        case_id          text PRIMARY KEY,
        person_ref       text NOT NULL,
        unit_id          text NOT NULL,
        status           text NOT NULL,
        tier             text NOT NULL,
        next_review_due  date,
        visit_overdue_on date NOT NULL,
        opened_at        timestamptz NOT NULL,
        version          integer NOT NULL,
        data             jsonb NOT NULL
      )`);
    await q.query(
      `CREATE UNIQUE INDEX case_summary_one_open_per_person ON case_summary (person_ref) WHERE status = 'open'`,
    );
    await q.query(`CREATE INDEX case_summary_worklist ON case_summary (unit_id, status, tier)`);
    await q.query(
      `CREATE INDEX case_summary_review_due ON case_summary (next_review_due) WHERE status = 'open'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_summary`);
  }
}
