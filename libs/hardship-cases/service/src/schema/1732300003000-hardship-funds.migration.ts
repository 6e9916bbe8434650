import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Special funds (DOMAIN.md §4): the `fund` read model (one row per `fund-<uuid>` stream) and the
 * fund an assistance is paid from. Assistance recorded before funds keeps its free-text
 * `fund_source` and has no `fund_id`; newer assistance has a `fund_id` and no `fund_source`.
 */
export class HardshipFunds1732300003000 implements MigrationInterface {
  name = 'HardshipFunds1732300003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE fund (
        fund_id        text PRIMARY KEY,
        name           text NOT NULL,
        year           integer NOT NULL,
        category       text NOT NULL,
        holder_org_id  text NOT NULL,
        parent_fund_id text,
        amount_fen     bigint NOT NULL,
        allocated_fen  bigint NOT NULL,
        spent_fen      bigint NOT NULL,
        remaining_fen  bigint NOT NULL CHECK (remaining_fen >= 0),
        created_at     timestamptz NOT NULL,
        version        integer NOT NULL,
        data           jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX fund_holder ON fund (holder_org_id, year)`);
    await q.query(`CREATE INDEX fund_parent ON fund (parent_fund_id) WHERE parent_fund_id IS NOT NULL`);
    await q.query(`ALTER TABLE case_assistance ADD COLUMN fund_id text`);
    await q.query(`ALTER TABLE case_assistance ALTER COLUMN fund_source DROP NOT NULL`);
    await q.query(`CREATE INDEX case_assistance_fund ON case_assistance (fund_id) WHERE fund_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX case_assistance_fund`);
    await q.query(`UPDATE case_assistance SET fund_source = coalesce(fund_source, fund_id)`);
    await q.query(`ALTER TABLE case_assistance ALTER COLUMN fund_source SET NOT NULL`);
    await q.query(`ALTER TABLE case_assistance DROP COLUMN fund_id`);
    await q.query(`DROP TABLE fund`);
  }
}
