import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Holiday warmth batches (两节送温暖): `holiday_batch`, the read model of each `holiday-batch-<uuid>`
 * stream (status, totals, progress), and `holiday_batch_line`, one row per household of a batch's
 * preview, written with the `HolidayBatchPrepared` event and settled by the run in the same
 * transactions as the case assistance (so a 50,000-household preview is paged, not one event).
 */
export class HolidayBatches1732300004000 implements MigrationInterface {
  name = 'HolidayBatches1732300004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE holiday_batch (
        batch_id text PRIMARY KEY,
        status   text NOT NULL,
        org_id   text NOT NULL,
        fund_id  text NOT NULL,
        version  integer NOT NULL,
        data     jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX holiday_batch_status ON holiday_batch (status)`);
    await q.query(`
      CREATE TABLE holiday_batch_line (
        batch_id      text NOT NULL,
        case_id       text NOT NULL,
        unit_id       text NOT NULL,
        tier          text NOT NULL,
        amount_fen    bigint NOT NULL,
        status        text NOT NULL CHECK (status IN ('included', 'excluded', 'recorded', 'unrecorded')),
        reason        text,
        assistance_id text,
        PRIMARY KEY (batch_id, case_id)
      )`);
    await q.query(`CREATE INDEX holiday_batch_line_status ON holiday_batch_line (batch_id, status, case_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE holiday_batch_line`);
    await q.query(`DROP TABLE holiday_batch`);
  }
}
