import 'reflect-metadata';
import { loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import {
  EventStore,
  progressReporter,
  rebuildAndCompare,
  rebuildProjections,
  sealLog,
  verifyLog,
} from '@union/event-store';
import { counterSummaryProjection, dropDatabase } from '@union/event-store/testing';
import { loadHashedLog } from './audit-log-load';
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

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;
const rate = (n: number, s: number) => Math.round(n / Math.max(s, 1e-9));

async function main(): Promise<void> {
  const { url, dataSource } = await counterBenchDatabase('bench_audit', 10);
  try {
    const loadStarted = process.hrtime.bigint();
    const events = await loadHashedLog(dataSource, EVENTS, PER_STREAM);
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
