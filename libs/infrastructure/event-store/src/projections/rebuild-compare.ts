import type { DataSource, EntityManager } from 'typeorm';
import type { EventReading } from './rebuild';
import type { InlineProjection } from './inline-projection';
import { replayLog, type RebuildOptions } from './rebuild';

export interface RowDifference {
  kind: 'missing' | 'extra' | 'differing';
  /** The row's primary key. */
  key: Record<string, unknown>;
  live: Record<string, unknown> | null;
  rebuilt: Record<string, unknown> | null;
}

/** One read-model table, live against rebuilt. `missing`: rebuilt but not live; `extra`: the reverse. */
export interface TableComparison {
  table: string;
  liveRows: number;
  rebuiltRows: number;
  missing: number;
  extra: number;
  differing: number;
  samples: RowDifference[];
}

export interface RebuildCompareReport {
  equal: boolean;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  tables: TableComparison[];
}

export interface RebuildCompareOptions extends RebuildOptions {
  /** How many differing rows to show per table (default 5). */
  samples?: number;
}

/**
 * Rebuilds the projections' tables from the log into a shadow copy and compares it row by row,
 * by primary key, with the live tables. All in one repeatable-read transaction that is rolled
 * back: the shadow schema (tables `LIKE` the live ones, first on the search path, so the
 * projections' unqualified table names land there) vanishes with it and live rows are never
 * written. Live tables and log are read in the same snapshot.
 */
export async function rebuildAndCompare(
  dataSource: DataSource,
  reading: EventReading,
  projections: readonly InlineProjection[],
  options: RebuildCompareOptions = {},
): Promise<RebuildCompareReport> {
  const started = process.hrtime.bigint();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction('REPEATABLE READ');
    const tx = runner.manager;
    const tables = [...new Set(projections.flatMap((p) => p.tables))];
    const shadow = `rebuild_shadow_${process.pid}_${Date.now()}`;
    const live = await shadowTables(tx, shadow, tables);
    const events = await replayLog(dataSource, tx, reading, projections, options);
    const comparisons: TableComparison[] = [];
    for (const table of tables) {
      comparisons.push(
        await compareTable(tx, live.get(table) ?? table, `${shadow}."${table}"`, table, options),
      );
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return {
      equal: comparisons.every((c) => c.missing + c.extra + c.differing === 0),
      events,
      seconds,
      eventsPerSecond: Math.round(events / Math.max(seconds, 1e-9)),
      tables: comparisons,
    };
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    await runner.release();
  }
}

/** Creates the shadow schema and tables, puts it first on the path; returns the live names. */
async function shadowTables(
  tx: EntityManager,
  shadow: string,
  tables: string[],
): Promise<Map<string, string>> {
  const [{ path }]: { path: string[] | string }[] = await tx.query(`SELECT current_schemas(false) AS path`);
  await tx.query(`CREATE SCHEMA ${shadow}`);
  const live = new Map<string, string>();
  for (const table of tables) {
    const [{ schema }]: { schema: string }[] = await tx.query(
      `SELECT n.nspname AS schema FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.oid = to_regclass($1)`,
      [`"${table}"`],
    );
    live.set(table, `"${schema}"."${table}"`);
    await tx.query(`CREATE TABLE ${shadow}."${table}" (LIKE "${schema}"."${table}" INCLUDING ALL)`);
  }
  const schemas = (Array.isArray(path) ? path : path.replace(/[{}]/g, '').split(',')).map((s) => `"${s}"`);
  await tx.query(`SET LOCAL search_path TO ${[shadow, ...schemas].join(', ')}`);
  return live;
}

/** Live against rebuilt, joined on the primary key (the whole row where there is none). */
async function compareTable(
  tx: EntityManager,
  live: string,
  rebuilt: string,
  table: string,
  options: RebuildCompareOptions,
): Promise<TableComparison> {
  const keyRows: { column: string }[] = await tx.query(
    `SELECT a.attname AS column FROM pg_index i
     JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
     WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY a.attnum`,
    [live],
  );
  const key = keyRows.length
    ? `jsonb_build_object(${keyRows.map((k) => `'${k.column}', t."${k.column}"`).join(', ')})`
    : 'to_jsonb(t)';
  const [result]: {
    live_rows: string;
    rebuilt_rows: string;
    missing: string;
    extra: string;
    differing: string;
    samples: RowDifference[] | null;
  }[] = await tx.query(
    `WITH l AS (SELECT ${key} AS key, to_jsonb(t) AS row FROM ${live} t),
          r AS (SELECT ${key} AS key, to_jsonb(t) AS row FROM ${rebuilt} t),
          d AS (SELECT coalesce(l.key, r.key) AS key, l.row AS live, r.row AS rebuilt,
                       CASE WHEN l.row IS NULL THEN 'missing' WHEN r.row IS NULL THEN 'extra' ELSE 'differing' END AS kind
                FROM l FULL JOIN r ON l.key = r.key WHERE l.row IS DISTINCT FROM r.row)
     SELECT (SELECT count(*) FROM l) AS live_rows, (SELECT count(*) FROM r) AS rebuilt_rows,
            count(*) FILTER (WHERE kind = 'missing') AS missing, count(*) FILTER (WHERE kind = 'extra') AS extra,
            count(*) FILTER (WHERE kind = 'differing') AS differing,
            (SELECT jsonb_agg(s) FROM (SELECT kind, key, live, rebuilt FROM d ORDER BY key LIMIT $1) s) AS samples
     FROM d`,
    [options.samples ?? 5],
  );
  return {
    table,
    liveRows: Number(result.live_rows),
    rebuiltRows: Number(result.rebuilt_rows),
    missing: Number(result.missing),
    extra: Number(result.extra),
    differing: Number(result.differing),
    samples: result.samples ?? [],
  };
}
