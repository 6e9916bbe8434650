import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys recorded by the command's own transaction (docs/idempotency.md): the attempt
 * that wrote the record, the units the request acted for (a replay re-checks them), the writes
 * it committed (`outcome`), and when its answer was added. The old scheme claimed a key before
 * the command and left it "in progress" for good when the process died in between: those claims
 * (no answer) are dropped here, so their retries are decided afresh instead of refused forever.
 */
export class IdempotencyInTransaction1732300000400 implements MigrationInterface {
  name = 'IdempotencyInTransaction1732300000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM idempotency WHERE status IS NULL`);
    await q.query(`
      ALTER TABLE idempotency
        ADD COLUMN attempt      uuid,
        ADD COLUMN units        text[]      NOT NULL DEFAULT '{}',
        ADD COLUMN outcome      jsonb       NOT NULL DEFAULT '[]',
        ADD COLUMN completed_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM idempotency WHERE status IS NULL`);
    await q.query(`
      ALTER TABLE idempotency
        DROP COLUMN attempt, DROP COLUMN units, DROP COLUMN outcome, DROP COLUMN completed_at`);
  }
}
