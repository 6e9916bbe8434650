import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Periodic seals of the event log (ARCHITECTURE.md, "The event log"). A seal covers every event
 * whose writing transaction is below its `horizon` (the xmin horizon when it was taken, as the
 * relay reads, so no late committer falls between two seals). It records how many events there
 * are up to it, the highest position among them and a rolling hash over their hashes; seals chain
 * by hash. Append-only like the events, by the same kind of trigger.
 */
export class EventSeals1732300000200 implements MigrationInterface {
  name = 'EventSeals1732300000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE seals (
        seal_id        bigint      PRIMARY KEY CHECK (seal_id >= 1),
        horizon        xid8        NOT NULL,
        from_position  bigint      NOT NULL,
        up_to_position bigint      NOT NULL,
        events         bigint      NOT NULL,
        event_count    bigint      NOT NULL,
        rolling_hash   text        NOT NULL,
        prev_seal_id   bigint,
        prev_hash      text,
        hash           text        NOT NULL,
        sealed_at      timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TRIGGER seals_append_only BEFORE UPDATE OR DELETE ON seals
      FOR EACH ROW EXECUTE FUNCTION events_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE seals`);
  }
}
