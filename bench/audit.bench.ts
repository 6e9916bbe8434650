import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import {
  EventStore,
  eventHash,
  progressReporter,
  rebuildAndCompare,
  rebuildProjections,
  sealLog,
  verifyLog,
} from '@union/event-store';
import { counterSummaryProjection, dropDatabase } from '@union/event-store/testing';
import { writeBenchmarkSection } from './benchmarks-md';
import { counterBenchDatabase, plainSelectRowsPerSecond } from './bench-database';

/**
 * `npm run bench:audit` on the local PostgreSQL (TEST_DATABASE_URL): a fresh database with
 * 1,000,000 correctly hashed events (100,000 streams of 10, interleaved as a busy log is), sealed;
 * then verify (hash chain + seals) and rebuild-and-compare (counter summary into a shadow copy),
 * each beside a plain keyset SELECT of the same rows in the same run. BENCH_AUDIT_EVENTS changes the
 * size; BENCH_KEEP=1 keeps the database (its URL is printed) for profiling.
 */
const EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 1_000_000);
const PER_STREAM = 10;
const LOAD_BATCH = 10_000;

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;
const rate = (n: number, s: number) => Math.round(n / Math.max(s, 1e-9));

/** Writes the log version by version (every stream's v1, then every v2…), chaining real hashes. */
async function load(dataSource: DataSource): Promise<number> {
  const streams = Math.ceil(EVENTS / PER_STREAM);
  const heads: (string | null)[] = new Array<string | null>(streams).fill(null);
  const base = Date.parse('2026-01-01T00:00:00.000Z');
  const report = progressReporter('load', streams * PER_STREAM);
  let written = 0;
  for (let version = 1; version <= PER_STREAM; version++) {
    for (let first = 0; first < streams; first += LOAD_BATCH) {
      const cols: unknown[][] = Array.from({ length: 10 }, () => []);
      for (let s = first; s < Math.min(first + LOAD_BATCH, streams); s++) {
        const fields = {
          streamId: `counter-${s}`,
          streamType: 'counter',
          version,
          eventId: randomUUID(),
          type: version === 1 ? 'CounterOpened' : 'CounterBumped',
          schemaVersion: 1,
          data:
            version === 1
              ? { name: `counter ${s}` }
              : {
                  by: version,
                  note: 'benchmark event with a realistic small payload',
                  unitId: `unit-${s % 5314}`,
                },
          metadata: {
            actor: `cw-${s % 97}`,
            correlationId: randomUUID(),
            causationId: randomUUID(),
            policyVersion: 3,
          },
          recordedAt: new Date(base + written).toISOString(),
          personRef: `p${s}`.padEnd(64, '0'),
        };
        const hash = eventHash(heads[s], fields);
        const values = [
          fields.streamId,
          fields.version,
          fields.eventId,
          fields.type,
          JSON.stringify(fields.data),
          JSON.stringify(fields.metadata),
          fields.recordedAt,
          fields.personRef,
          heads[s],
          hash,
        ];
        values.forEach((v, i) => cols[i].push(v));
        heads[s] = hash;
        written += 1;
      }
      await dataSource.query(
        `INSERT INTO events (stream_id, stream_type, version, event_id, type, schema_version, data, metadata,
           recorded_at, person_ref, prev_hash, hash)
         SELECT s, 'counter', v, e, t, 1, d::jsonb, m::jsonb, r, p, ph, h
         FROM unnest($1::text[], $2::int[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::timestamptz[],
                     $8::text[], $9::text[], $10::text[]) AS x(s, v, e, t, d, m, r, p, ph, h)`,
        cols,
      );
      report(written);
    }
  }
  // Settle the bulk load as a long-lived log is settled: statistics, hint bits and the visibility
  // map written now, and the dirty pages flushed, not by the first pass measured (nor by an
  // autovacuum or a checkpoint racing it).
  await dataSource.query(`VACUUM ANALYZE events`);
  await dataSource.query(`CHECKPOINT`);
  return written;
}

async function main(): Promise<void> {
  const { url, dataSource } = await counterBenchDatabase('bench_audit', 10);
  try {
    const loadStarted = process.hrtime.bigint();
    const events = await load(dataSource);
    const loadSeconds = seconds(loadStarted);
    const sealStarted = process.hrtime.bigint();
    const seal = await sealLog(dataSource);
    const sealSeconds = seconds(sealStarted);
    const store = new EventStore(dataSource);
    await rebuildProjections(dataSource, store, [counterSummaryProjection]);

    const verifyColumns = `stream_id, stream_type, version, event_id, type, schema_version, data, metadata,
      recorded_at, transaction_id, person_ref, prev_hash, hash`;
    const selectBefore = await plainSelectRowsPerSecond(dataSource, verifyColumns);
    const verifyStarted = process.hrtime.bigint();
    const verified = await verifyLog(dataSource, { onProgress: progressReporter('verify', events) });
    const verifySeconds = seconds(verifyStarted);
    const selectAfter = await plainSelectRowsPerSecond(dataSource, verifyColumns);
    if (!verified.valid || verified.checked !== events)
      throw new Error(`verify failed: ${JSON.stringify(verified)}`);

    let report: ((done: number) => void) | undefined;
    const compared = await rebuildAndCompare(dataSource, store, [counterSummaryProjection], {
      onProgress: (done, total) => (report ??= progressReporter('rebuild-compare', total))(done),
    });
    if (!compared.equal)
      throw new Error(`rebuild-compare found differences: ${JSON.stringify(compared.tables)}`);
    const replayColumns = `stream_id, stream_type, version, event_id, type, schema_version, data, metadata,
      recorded_at, person_ref, prev_hash, hash`;
    const selectForCompare = await plainSelectRowsPerSecond(
      dataSource,
      replayColumns,
      `type IN ('CounterOpened', 'CounterBumped')`,
    );

    const load1 = loadavg()[0];
    const result = {
      at: new Date().toISOString(),
      machine: `2 cores shared with other work, load average ${load1.toFixed(1)} at the end; local PostgreSQL 15`,
      events,
      loadSeconds: +loadSeconds.toFixed(1),
      seal: { seconds: +sealSeconds.toFixed(1), events: seal?.events ?? 0 },
      verify: {
        seconds: +verifySeconds.toFixed(1),
        eventsPerSecond: rate(events, verifySeconds),
        plainSelectRowsPerSecond: Math.round((selectBefore + selectAfter) / 2),
        sealsChecked: verified.seals.checked,
      },
      rebuildCompare: {
        seconds: +compared.seconds.toFixed(1),
        eventsPerSecond: compared.eventsPerSecond,
        plainSelectRowsPerSecond: selectForCompare,
        rows: compared.tables[0]?.liveRows ?? 0,
      },
    };
    writeFileSync('bench/results/audit.json', JSON.stringify(result, null, 2) + '\n');
    const table = [
      `${events} events (${events / PER_STREAM} streams of ${PER_STREAM}, interleaved); ${result.machine}.`,
      '',
      '| pass | seconds | events/s | plain SELECT rows/s (same rows, same run) |',
      '|---|---|---|---|',
      `| verify (hash chain + ${verified.seals.checked} seal) | ${result.verify.seconds} | ${result.verify.eventsPerSecond} | ${result.verify.plainSelectRowsPerSecond} |`,
      `| rebuild-and-compare (counter summary, ${result.rebuildCompare.rows} rows) | ${result.rebuildCompare.seconds} | ${result.rebuildCompare.eventsPerSecond} | ${result.rebuildCompare.plainSelectRowsPerSecond} |`,
      '',
      `Sealing the whole log at once took ${result.seal.seconds} s (a running service seals every 30 s).`,
    ].join('\n');
    writeBenchmarkSection('audit', 'npm run bench:audit', table);
    process.stdout.write(`${table}\n`);
  } finally {
    await dataSource.destroy();
    if (process.env.BENCH_KEEP) process.stdout.write(`kept ${url}\n`);
    else await dropDatabase(url);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
