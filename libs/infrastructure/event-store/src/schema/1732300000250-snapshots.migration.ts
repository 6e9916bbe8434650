import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Snapshots of long streams (ARCHITECTURE.md: "decided from a snapshot plus the events after
 * it"). A cache, not part of the log: no trigger, no hash chain, and deleting any or all rows is
 * always safe (the next command folds the log and writes a new one). One row per stream and
 * state version, so two releases folding differently never read each other's snapshots.
 * `hash` is the hash of the event at `version`: a snapshot whose event is not in the log with
 * that hash is ignored.
 */
export class EventSnapshots1732300000250 implements MigrationInterface {
  name = 'EventSnapshots1732300000250';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE snapshots (
        stream_id     text        NOT NULL,
        state_version integer     NOT NULL,
        version       integer     NOT NULL CHECK (version >= 1),
        hash          text        NOT NULL,
        state         jsonb       NOT NULL,
        taken_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (stream_id, state_version)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE snapshots`);
  }
}
