import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { EVENT_COLUMNS, readEvents, type EventRow } from '../rows';
import type { PersonalData } from '../personal-data/personal-data';
import type { Upcasters } from '../upcasters';
import type { InlineProjection } from './inline-projection';

export interface RebuildReport {
  projections: string[];
  events: number;
  seconds: number;
  eventsPerSecond: number;
}

export interface RebuildOptions {
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * How a replay reads events: upcast, and with their personal fields opened (or read as erased)
 * as the store opens them. An EventStore is one.
 */
export interface EventReading {
  readonly upcasters: Upcasters;
  readonly personalData?: PersonalData;
}

type FetchBatch = (after: number) => Promise<EventRow[]>;

/**
 * Empties the projections' tables and replays the whole log through them, in one repeatable-read
 * transaction: readers keep seeing the old rows until the rebuilt ones commit, and appends that
 * arrive meanwhile wait for the table locks, then apply on top of the rebuilt rows.
 *
 * On a server with a pool of more than one connection, the events are read on a second
 * connection that imports the rebuilding transaction's snapshot (`pg_export_snapshot`), one batch
 * ahead: Postgres reads batch n+1 while Node applies batch n, which on two cores is most of the
 * difference between reading and rebuilding. PGlite (one connection) reads on the same one.
 */
export async function rebuildProjections(
  dataSource: DataSource,
  reading: EventReading,
  projections: readonly InlineProjection[],
  options: RebuildOptions = {},
): Promise<RebuildReport> {
  const started = process.hrtime.bigint();
  let done = 0;
  await dataSource.transaction('REPEATABLE READ', async (tx) => {
    done = await replayLog(dataSource, tx, reading, projections, options, async () => {
      const tables = [...new Set(projections.flatMap((p) => p.tables))];
      await tx.query(`TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')}`);
    });
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    projections: projections.map((p) => p.name),
    events: done,
    seconds,
    eventsPerSecond: Math.round(done / Math.max(seconds, 1e-9)),
  };
}

/**
 * Replays the events the projections handle through them on `tx` (a repeatable-read transaction;
 * wherever its table names resolve), reading ahead on a second connection with `tx`'s snapshot
 * where the pool allows. `prepare` runs on `tx` once the reader is set up. Returns the count.
 */
export async function replayLog(
  dataSource: DataSource,
  tx: EntityManager,
  reading: EventReading,
  projections: readonly InlineProjection[],
  options: RebuildOptions = {},
  prepare: () => Promise<void> = () => Promise.resolve(),
): Promise<number> {
  const batchSize = options.batchSize ?? 5000;
  const types = [...new Set(projections.flatMap((p) => p.handles))];
  let done = 0;
  const reader = await snapshotReader(dataSource, tx);
  try {
    const read = <T>(sql: string, params: unknown[]): Promise<T[]> =>
      (reader ? reader.query(sql, params) : tx.query(sql, params)) as Promise<T[]>;
    const fetch: FetchBatch = (after) =>
      read<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > $1 AND type = ANY($2)
         ORDER BY global_position LIMIT $3`,
        [after, types, batchSize],
      );
    await prepare();
    const counted = await read<{ total: string }>(
      `SELECT count(*) AS total FROM events WHERE type = ANY($1)`,
      [types],
    );
    const total = Number(counted[0].total);
    let next = fetch(0);
    for (;;) {
      const rows = await next;
      if (rows.length === 0) break;
      const after = Number(rows[rows.length - 1].global_position);
      // With a reader of its own, the next batch is on its way while this one is applied.
      if (reader) next = fetch(after);
      const events = await readEvents(tx, rows, reading.upcasters, reading.personalData);
      for (const projection of projections) {
        const mine = events.filter((e) => projection.handles.includes(e.type));
        if (mine.length > 0) await projection.apply(mine, tx);
      }
      if (!reader) next = fetch(after);
      done += events.length;
      options.onProgress?.(done, total);
    }
  } finally {
    await reader?.query('COMMIT');
    await reader?.release();
  }
  return done;
}

/** A second connection seeing exactly what `tx` sees, or null where the pool has one connection. */
async function snapshotReader(dataSource: DataSource, tx: EntityManager): Promise<QueryRunner | null> {
  const poolMax = (dataSource.options.extra as { max?: number } | undefined)?.max ?? 10;
  if (poolMax < 2) return null;
  const [{ snapshot }]: { snapshot: string }[] = await tx.query(`SELECT pg_export_snapshot() AS snapshot`);
  const reader = dataSource.createQueryRunner('slave');
  await reader.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  await reader.query(`SET TRANSACTION SNAPSHOT '${snapshot.replace(/'/g, '')}'`);
  return reader;
}
