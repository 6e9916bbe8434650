import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { EventStore, progressReporter, rebuildProjections } from '@union/event-store';
import { counterSummaryProjection, dropDatabase } from '@union/event-store/testing';
import { writeBenchmarkSection } from './benchmarks-md';
import { counterBenchDatabase, plainSelectRowsPerSecond } from './bench-database';

/**
 * `npm run bench:event-store` on the local PostgreSQL (TEST_DATABASE_URL): single-event appends
 * at concurrency 1 and 16 beside plain INSERTs of the same rows into a copy of the table, and a
 * rebuild over 1,000,000 events beside a plain SELECT of the same rows. The ratios are the figures.
 */
const APPENDS = Number(process.env.BENCH_APPENDS ?? 4000);
const REBUILD_EVENTS = Number(process.env.BENCH_REBUILD_EVENTS ?? 1_000_000);
const EVENTS_PER_STREAM = 10;

async function timed(
  count: number,
  concurrency: number,
  work: (i: number) => Promise<unknown>,
): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) await work(i);
    }),
  );
  return Math.round(count / (Number(process.hrtime.bigint() - started) / 1e9));
}

const payload = (i: number) => ({
  by: i,
  note: 'benchmark event with a realistic small payload',
  unitId: `unit-${i % 5314}`,
});

const ROUNDS = 10;

/**
 * Appends and plain inserts in alternating rounds, so that whatever else the machine is doing
 * weighs on both alike; each figure is the total count over the total time of its rounds.
 */
async function appendBench(dataSource: DataSource, concurrency: number) {
  const store = new EventStore(dataSource);
  const run = `${concurrency}-${Date.now()}`;
  const perRound = Math.ceil(APPENDS / ROUNDS);
  const plainInsert = (stream: string, i: number) =>
    dataSource.query(
      `INSERT INTO plain_events (stream_id, stream_type, version, event_id, type, schema_version, data, metadata, recorded_at, person_ref, prev_hash, hash)
       VALUES ($1, 'bench', 1, $2, 'CounterBumped', 1, $3, $4, $5, $6, NULL, $7)`,
      [
        stream,
        randomUUID(),
        JSON.stringify(payload(i)),
        JSON.stringify({ actor: 'bench' }),
        new Date().toISOString(),
        `p${i}`,
        'x'.repeat(64),
      ],
    );
  const append = (stream: string, i: number) =>
    store.append(
      stream,
      [{ type: 'CounterBumped', data: payload(i), metadata: { actor: 'bench' }, personRef: `p${i}` }],
      {
        expectedVersion: 'no_stream',
      },
    );
  // Warm both paths up (connections, plans) before anything is timed.
  await timed(300, concurrency, (i) => append(`warm-${run}-${i}`, i));
  await timed(300, concurrency, (i) => plainInsert(`warm-plain-${run}-${i}`, i));
  const heads = new Map<string, string>();
  let appendSeconds = 0;
  let insertSeconds = 0;
  let nextSeconds = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const base = round * perRound;
    appendSeconds +=
      perRound /
      (await timed(perRound, concurrency, async (i) => {
        const result = await append(`bench-${run}-${base + i}`, base + i);
        heads.set(`bench-${run}-${base + i}`, result.headHash);
      }));
    insertSeconds +=
      perRound /
      (await timed(perRound, concurrency, (i) => plainInsert(`plain-${run}-${base + i}`, base + i)));
    // Appending to an existing stream whose head the caller just read (the command handler's path).
    nextSeconds +=
      perRound /
      (await timed(perRound, concurrency, (i) =>
        store.append(`bench-${run}-${base + i}`, [{ type: 'CounterBumped', data: payload(i) }], {
          expectedVersion: 1,
          expectedHash: heads.get(`bench-${run}-${base + i}`) ?? null,
        }),
      ));
  }
  const total = perRound * ROUNDS;
  const appendsPerSecond = Math.round(total / appendSeconds);
  const insertsPerSecond = Math.round(total / insertSeconds);
  return {
    concurrency,
    appendsPerSecond,
    appendsToExistingPerSecond: Math.round(total / nextSeconds),
    plainInsertsPerSecond: insertsPerSecond,
    ratio: Math.round((appendsPerSecond * 100) / insertsPerSecond) / 100,
  };
}

async function rebuildBench(dataSource: DataSource) {
  const streams = Math.ceil(REBUILD_EVENTS / EVENTS_PER_STREAM);
  const started = Date.now();
  await dataSource.query(`TRUNCATE events, counter_summary RESTART IDENTITY`);
  await dataSource.query(
    `INSERT INTO events (stream_id, stream_type, version, event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
     SELECT 'counter-' || s, 'counter', v, gen_random_uuid(), CASE WHEN v = 1 THEN 'CounterOpened' ELSE 'CounterBumped' END, 1,
            CASE WHEN v = 1 THEN jsonb_build_object('name', 'n' || s) ELSE jsonb_build_object('by', v) END,
            '{"actor":"bench"}'::jsonb, now(), NULL, md5(s || '-' || v)
     FROM generate_series(1, $1::int) s, generate_series(1, $2::int) v ORDER BY s, v`,
    [streams, EVENTS_PER_STREAM],
  );
  // As autovacuum would after a bulk load: without statistics the planner scans and sorts the
  // whole table for every batch.
  await dataSource.query(`ANALYZE events`);
  const loadSeconds = (Date.now() - started) / 1000;
  const events = streams * EVENTS_PER_STREAM;
  const store = new EventStore(dataSource);
  const report = await rebuildProjections(dataSource, store, [counterSummaryProjection], {
    onProgress: progressReporter('rebuild', events),
  });
  // The same rows read by a plain keyset SELECT in batches, nothing done with them.
  const selectPerSecond = await plainSelectRowsPerSecond(
    dataSource,
    'stream_id, version, type, data, metadata',
  );
  const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM counter_summary`);
  return {
    events,
    loadSeconds,
    rebuildSeconds: +report.seconds.toFixed(1),
    rebuildEventsPerSecond: report.eventsPerSecond,
    plainSelectRowsPerSecond: selectPerSecond,
    rowsRebuilt: n,
  };
}

async function main(): Promise<void> {
  const { url, dataSource } = await counterBenchDatabase('bench_event_store', 20);
  try {
    await dataSource.query(`CREATE TABLE plain_events (LIKE events INCLUDING ALL)`);
    const appends = [await appendBench(dataSource, 1), await appendBench(dataSource, 16)];
    const rebuild = await rebuildBench(dataSource);
    const result = {
      at: new Date().toISOString(),
      machine: '2 cores, local PostgreSQL 15',
      appends,
      rebuild,
    };
    writeFileSync('bench/results/event-store.json', JSON.stringify(result, null, 2) + '\n');
    const table = [
      '| appends (1 event each) | concurrency | events/s | plain INSERT rows/s | ratio | appends to existing stream/s |',
      '|---|---|---|---|---|---|',
      ...appends.map(
        (a) =>
          `| new stream, \`no_stream\` | ${a.concurrency} | ${a.appendsPerSecond} | ${a.plainInsertsPerSecond} | ${a.ratio} | ${a.appendsToExistingPerSecond} |`,
      ),
      '',
      `| rebuild | events | seconds | events/s | plain SELECT rows/s |`,
      '|---|---|---|---|---|',
      `| counter summary (${rebuild.rowsRebuilt} rows) | ${rebuild.events} | ${rebuild.rebuildSeconds} | ${rebuild.rebuildEventsPerSecond} | ${rebuild.plainSelectRowsPerSecond} |`,
    ].join('\n');
    writeBenchmarkSection('event-store', 'npm run bench:event-store', table);
    process.stdout.write(`${table}\n`);
  } finally {
    await dataSource.destroy();
    await dropDatabase(url);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
