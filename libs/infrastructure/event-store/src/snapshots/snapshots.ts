import type { DataSource, EntityManager } from 'typeorm';

/** A stream's state as folded up to `version` by the evolve of `stateVersion` (a cache). */
export interface Snapshot {
  streamId: string;
  stateVersion: number;
  version: number;
  /** The hash of the event at `version`: ties the snapshot to the log it was folded from. */
  hash: string;
  /** The state as its codec encoded it (plain JSON). */
  state: unknown;
}

/** The stream's snapshot folded by `stateVersion`, or null. */
export async function readSnapshot(
  m: EntityManager,
  streamId: string,
  stateVersion: number,
): Promise<Snapshot | null> {
  const rows: { version: number; hash: string; state: unknown }[] = await m.query(
    `SELECT version, hash, state FROM snapshots WHERE stream_id = $1 AND state_version = $2`,
    [streamId, stateVersion],
  );
  const row = rows[0];
  return row ? { streamId, stateVersion, version: row.version, hash: row.hash, state: row.state } : null;
}

/**
 * Writes (or replaces) the stream's snapshot for its state version. Unconditional: a snapshot
 * replaced by an older, valid one costs a few events of folding; a bad one (say, ahead of the
 * log) is replaced by the next command that ignored it.
 */
export async function writeSnapshot(m: EntityManager, snapshot: Snapshot): Promise<void> {
  await m.query(
    `INSERT INTO snapshots (stream_id, state_version, version, hash, state)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (stream_id, state_version)
     DO UPDATE SET version = excluded.version, hash = excluded.hash, state = excluded.state, taken_at = now()`,
    [
      snapshot.streamId,
      snapshot.stateVersion,
      snapshot.version,
      snapshot.hash,
      JSON.stringify(snapshot.state),
    ],
  );
}

/**
 * Inside the caller's transaction, a failed write must not abort it: the write runs in a
 * savepoint that is rolled back on failure. The error is rethrown for the caller to report.
 */
export async function writeSnapshotInTransaction(tx: EntityManager, snapshot: Snapshot): Promise<void> {
  await tx.query('SAVEPOINT snapshot_write');
  try {
    await writeSnapshot(tx, snapshot);
    await tx.query('RELEASE SAVEPOINT snapshot_write');
  } catch (error) {
    await tx.query('ROLLBACK TO SAVEPOINT snapshot_write');
    throw error;
  }
}

/**
 * Deletes snapshots (all, or one stream's): always safe, the log is the truth. Returns how many
 * were deleted. For operators after a bug in an evolve that shipped without a state version bump.
 */
export async function dropSnapshots(dataSource: DataSource, streamId?: string): Promise<number> {
  // TypeORM answers a DELETE with [rows, affected].
  const [, deleted]: [unknown[], number] = await dataSource.query(
    `DELETE FROM snapshots WHERE $1::text IS NULL OR stream_id = $1`,
    [streamId ?? null],
  );
  return deleted;
}
