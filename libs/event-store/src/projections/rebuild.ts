import type { DataSource } from 'typeorm';
import { EVENT_COLUMNS, toStoredEvent, type EventRow } from '../rows';
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
 * Empties the projections' tables and replays the whole log through them, in one repeatable-read
 * transaction: readers keep seeing the old rows until the rebuilt ones commit, and appends that
 * arrive meanwhile wait for the table locks, then apply on top of the rebuilt rows.
 */
export async function rebuildProjections(
  dataSource: DataSource,
  upcasters: Upcasters,
  projections: readonly InlineProjection[],
  options: RebuildOptions = {},
): Promise<RebuildReport> {
  const batchSize = options.batchSize ?? 5000;
  const types = [...new Set(projections.flatMap((p) => p.handles))];
  const started = process.hrtime.bigint();
  let done = 0;
  await dataSource.transaction('REPEATABLE READ', async (tx) => {
    const tables = [...new Set(projections.flatMap((p) => p.tables))];
    await tx.query(`TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')}`);
    const [{ total }]: { total: string }[] = await tx.query(
      `SELECT count(*) AS total FROM events WHERE type = ANY($1)`,
      [types],
    );
    let after = 0;
    for (;;) {
      const rows: EventRow[] = await tx.query(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > $1 AND type = ANY($2)
         ORDER BY global_position LIMIT $3`,
        [after, types, batchSize],
      );
      if (rows.length === 0) break;
      const events = rows.map((r) => toStoredEvent(r, upcasters));
      for (const projection of projections) {
        const mine = events.filter((e) => projection.handles.includes(e.type));
        if (mine.length > 0) await projection.apply(mine, tx);
      }
      after = events[events.length - 1].globalPosition;
      done += events.length;
      options.onProgress?.(done, Number(total));
    }
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    projections: projections.map((p) => p.name),
    events: done,
    seconds,
    eventsPerSecond: Math.round(done / Math.max(seconds, 1e-9)),
  };
}
