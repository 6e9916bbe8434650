import { availableParallelism } from 'node:os';
import type { DataSource } from 'typeorm';
import type { ChainBreak } from './hash-chain';
import { readSeals, type Seal } from './seals/seal';
import { SealChecker, type SealsReport } from './seals/seal-checker';
import { ChainChecker } from './verify/chain-checker';
import { inlineHasher, workerHasher } from './verify/hash-pool';
import { RAW_COLUMNS, type RawRow } from './verify/raw-row';

export interface VerifyRange {
  fromPosition?: number;
  toPosition?: number;
  batchSize?: number;
  onProgress?: (checked: number) => void;
  /** Hashing threads beside the main one; default: on long ranges, one per core beyond two. */
  workers?: number;
  /** Batches requested ahead of the one being checked (default 2). */
  readAhead?: number;
  /**
   * Widens the range to the seals it touches, so each of them is checked whole: what a paged
   * verification needs (a seal straddling two pages would otherwise only have its chain checked).
   */
  wholeSeals?: boolean;
}

export interface VerifyReport {
  checked: number;
  /** False when the hash chain or a seal fails. */
  valid: boolean;
  /** The first break of the hash chain in global-position order. */
  firstInvalid?: ChainBreak;
  seals: SealsReport;
  /** The positions actually checked, when `wholeSeals` widened the range. */
  verifiedRange?: { fromPosition: number; toPosition: number };
}

/** Ranges shorter than this are hashed on the calling thread: starting workers costs more. */
const WORKER_THRESHOLD = 100_000;

/**
 * Checks every event in a range of global positions: its hash matches its content, its
 * prev_hash matches the hash of the stream's previous version, which must exist (an edited or a
 * removed event is named). Then checks the seals whose events lie in the range: count, highest
 * position and rolling hash (a removed stream or removed newest events are named by the seal).
 * One pass in position order without a self-join; the next batch is fetched, and batches are
 * hashed on worker threads, while the current one is checked.
 */
export async function verifyLog(dataSource: DataSource, range: VerifyRange = {}): Promise<VerifyReport> {
  const sealList = await readSeals(dataSource);
  const requested = { from: range.fromPosition ?? 1, to: range.toPosition ?? Number.MAX_SAFE_INTEGER };
  const { from, to } = range.wholeSeals ? widenToSeals(sealList, requested) : requested;
  const batchSize = range.batchSize ?? 5000;
  const sealChecker = new SealChecker(sealList, from, to);
  const chain = new ChainChecker(dataSource);
  const workers = range.workers ?? (await defaultWorkers(dataSource, from, to));
  const hasher = workers > 0 ? workerHasher(workers) : inlineHasher;
  const inFlight: { rows: RawRow[]; hashes: Promise<string[]> }[] = [];
  const settle = async () => {
    const batch = inFlight.shift();
    if (!batch) return;
    const hashes = await batch.hashes;
    for (const row of batch.rows) {
      sealChecker.add(row.transaction_id, Number(row.global_position), row.hash);
    }
    await chain.check(batch.rows, hashes);
    range.onProgress?.(chain.checked);
  };
  try {
    for await (const rows of readBatches(dataSource, from, to, batchSize, range.readAhead ?? 2)) {
      const hashes = hasher.hash(rows);
      hashes.catch(() => undefined); // awaited in settle; this only keeps it from being "unhandled"
      inFlight.push({ rows, hashes });
      while (inFlight.length > workers) await settle();
    }
    while (inFlight.length > 0) await settle();
  } finally {
    await hasher.close();
  }
  const seals = sealChecker.finish();
  const firstInvalid = chain.firstBreak ?? undefined;
  return {
    checked: chain.checked,
    valid: !firstInvalid && seals.valid,
    ...(firstInvalid ? { firstInvalid } : {}),
    seals,
    ...(range.wholeSeals ? { verifiedRange: { fromPosition: from, toPosition: to } } : {}),
  };
}

/** The smallest range holding `range` and every seal it touches (seals may overlap by late commits). */
export function widenToSeals(
  seals: readonly Seal[],
  range: { from: number; to: number },
): { from: number; to: number } {
  let { from, to } = range;
  for (let changed = true; changed;) {
    changed = false;
    for (const seal of seals) {
      if (seal.upToPosition < from || seal.fromPosition > to) continue;
      if (seal.fromPosition < from || seal.upToPosition > to) changed = true;
      from = Math.min(from, seal.fromPosition);
      to = Math.max(to, seal.upToPosition);
    }
  }
  return { from, to };
}

/**
 * Batches of `size` positions in order, `ahead` of them requested before the current one is used
 * (each on its own pooled connection, so Postgres reads while Node hashes). Position ranges, not
 * keyset LIMITs, so a batch can be asked for before the previous one arrives; gaps left by
 * rolled-back appends only make a batch smaller. Ends at the highest position at the start.
 */
async function* readBatches(
  dataSource: DataSource,
  from: number,
  to: number,
  size: number,
  ahead: number,
): AsyncGenerator<RawRow[]> {
  const [{ last }]: { last: string | null }[] = await dataSource.query(
    `SELECT max(global_position) AS last FROM events`,
  );
  const end = Math.min(to, Number(last ?? 0));
  const fetch = (start: number): Promise<RawRow[]> => {
    const rows: Promise<RawRow[]> = dataSource.query(
      `SELECT ${RAW_COLUMNS} FROM events
       WHERE global_position >= $1 AND global_position <= $2 ORDER BY global_position`,
      [start, Math.min(start + size - 1, end)],
    );
    rows.catch(() => undefined); // awaited in turn; unless the consumer stopped early
    return rows;
  };
  const queue: Promise<RawRow[]>[] = [];
  let next = from;
  for (;;) {
    while (queue.length <= ahead && next <= end) {
      queue.push(fetch(next));
      next += size;
    }
    const batch = queue.shift();
    if (!batch) return;
    const rows = await batch;
    if (rows.length > 0) yield rows;
  }
}

async function defaultWorkers(dataSource: DataSource, from: number, to: number): Promise<number> {
  // One core for Postgres, one for fetching and checking; hashing threads only beyond those two
  // (on a busy 2-core machine a worker only adds copying: measured slower, see BENCHMARKS.md).
  const spare = Math.min(availableParallelism() - 2, 3);
  if (spare < 1) return 0;
  const [{ last }]: { last: string | null }[] = await dataSource.query(
    `SELECT max(global_position) AS last FROM events`,
  );
  const span = Math.min(Number(last ?? 0), to) - from + 1;
  return span >= WORKER_THRESHOLD ? spare : 0;
}
