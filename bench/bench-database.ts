import type { DataSource } from 'typeorm';
import { openDatabase } from '@union/event-store';
import { CounterSummary, CounterSummary1732300000001, createDatabase } from '@union/event-store/testing';

/** A fresh database on the local PostgreSQL with the event store and the counter-summary read model. */
export async function counterBenchDatabase(
  prefix: string,
  poolMax: number,
): Promise<{ url: string; dataSource: DataSource }> {
  const url = await createDatabase(prefix);
  const dataSource = await openDatabase({
    url,
    poolMax,
    migrations: [CounterSummary1732300000001],
    entities: [CounterSummary],
  });
  return { url, dataSource };
}

/**
 * Rows per second of a plain keyset SELECT of `columns` over the events (batches of 5,000,
 * nothing done with the rows): the yardstick each pass over the log is shown beside.
 */
export async function plainSelectRowsPerSecond(
  dataSource: DataSource,
  columns: string,
  where = 'TRUE',
): Promise<number> {
  const started = process.hrtime.bigint();
  let after = 0;
  let read = 0;
  for (;;) {
    const rows: { global_position: string }[] = await dataSource.query(
      `SELECT global_position, ${columns} FROM events WHERE global_position > $1 AND ${where}
       ORDER BY global_position LIMIT 5000`,
      [after],
    );
    if (rows.length === 0) break;
    read += rows.length;
    after = Number(rows[rows.length - 1].global_position);
  }
  return Math.round(read / Math.max(Number(process.hrtime.bigint() - started) / 1e9, 1e-9));
}
