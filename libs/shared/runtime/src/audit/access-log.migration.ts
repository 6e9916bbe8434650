import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who among the auditors read what, and when (DOMAIN.md, "Auditors"): one row per successful
 * read. Append-only by the event log's trigger function, like the events themselves.
 */
export class AuditAccessLog1732300000300 implements MigrationInterface {
  name = 'AuditAccessLog1732300000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_access_log (
        id      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at      timestamptz NOT NULL DEFAULT now(),
        actor   text        NOT NULL,
        roles   text[]      NOT NULL,
        method  text        NOT NULL,
        path    text        NOT NULL,
        subject text
      )`);
    await q.query(`CREATE INDEX audit_access_log_actor ON audit_access_log (actor, id)`);
    await q.query(`CREATE INDEX audit_access_log_subject ON audit_access_log (subject, id)`);
    await q.query(`
      CREATE TRIGGER audit_access_log_append_only BEFORE UPDATE OR DELETE ON audit_access_log
      FOR EACH ROW EXECUTE FUNCTION events_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_access_log`);
  }
}
