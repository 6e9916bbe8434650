import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who read what, and when (DOMAIN.md, "Auditors"; issue 13: every read of personal data beyond
 * the reader's own unit work): one row per successful read. Append-only by the event log's
 * trigger function, like the events themselves.
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

/**
 * The reader's units, the query asked (list filters, `asOf`, `fromVersion`…, identity numbers
 * masked) and the request's correlation id. Null in rows recorded before: they were not kept.
 */
export class AuditAccessLogQuery1732300000310 implements MigrationInterface {
  name = 'AuditAccessLogQuery1732300000310';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE audit_access_log
        ADD COLUMN units text[], ADD COLUMN query jsonb, ADD COLUMN correlation_id text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE audit_access_log DROP COLUMN units, DROP COLUMN query, DROP COLUMN correlation_id`,
    );
  }
}

/**
 * Why a sensitive read was made (DOMAIN.md §5, "Purpose on sensitive reads"): the `purpose` the
 * reader stated to see a full identity number or a diagnosis; null for every other read. The
 * index on `at` serves the records of processing, which read the log by period.
 */
export class AuditAccessLogPurpose1732300000320 implements MigrationInterface {
  name = 'AuditAccessLogPurpose1732300000320';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_access_log ADD COLUMN purpose text`);
    await q.query(`CREATE INDEX audit_access_log_at ON audit_access_log (at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_access_log_at`);
    await q.query(`ALTER TABLE audit_access_log DROP COLUMN purpose`);
  }
}

/** The access log's migrations, in order: the runtime runs them before the service's own. */
export const ACCESS_LOG_MIGRATIONS = [
  AuditAccessLog1732300000300,
  AuditAccessLogQuery1732300000310,
  AuditAccessLogPurpose1732300000320,
];
