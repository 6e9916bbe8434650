import { availableParallelism } from 'node:os';
import type { DataSource } from 'typeorm';
import type { ChainBreak } from './hash-chain';
import { singleConnection } from './database/single-connection';
import { readSeals, type Seal } from './seals/seal';
import { SealChecker, type SealAnchor, type SealsReport } from './seals/seal-checker';
import { ChainChecker } from './verify/chain-checker';
import { connectionOf, inlineReader, workerReader, type BatchReader } from './verify/batch-reader';
import type { HashedBatch } from './verify/raw-row';

export interface VerifyRange {
  fromPosition?: number;
  toPosition?: number;
  batchSize?: number;
  /** After each batch: the events checked so far and the highest position checked. */
  onProgress?: (checked: number, toPosition: number) => void;
  /** Once the range is known, before the first batch: the positions it will check. */
  onStart?: (range: { fromPosition: number; toPosition: number }) => void;
  /**
   * Threads that read and hash batches on their own connections, beside the main one that checks
   * the chain and seals. Default: on long ranges, one per core (at most 3), none when the
   * pool has a single connection (PGlite answers one at a time).
   */
  workers?: number;
  /** Batches requested ahead of the one being checked (default 2, at least two per worker). */
  readAhead?: number;
  /**
   * Widens the range to the seals it touches, so each of them is checked whole: what a paged
   * verification needs (a seal straddling two pages would otherwise only have its chain checked).
   */
  wholeSeals?: boolean;
  /**
   * A seal's id and hash as an auditor recorded them earlier, outside the database (from a
   * previous report's `seals.newest`): fails unless that seal is still there with that hash.
   */
  anchor?: SealAnchor;
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

/**
 * Checks every event in a range of global positions: its hash matches its content, its
 * prev_hash matches the hash of the stream's previous version, which must exist (an edited or a
 * removed event is named). Then checks the seals whose events lie in the range: count, highest
 * position and rolling hash (a removed stream or removed newest events are named by the seal).
 * One pass in position order without a self-join; the next batches are read and hashed (on
 * worker threads for long ranges) while the current one is checked.
 */
export async function verifyLog(dataSource: DataSource, range: VerifyRange = {}): Promise<VerifyReport> {
  const sealList = await readSeals(dataSource);
  const requested = { from: range.fromPosition ?? 1, to: range.toPosition ?? Number.MAX_SAFE_INTEGER };
  const { from, to } = range.wholeSeals ? widenToSeals(sealList, requested) : requested;
  const sealChecker = new SealChecker(sealList, from, to, range.anchor);
  const chain = new ChainChecker(dataSource);
  const [{ last }]: { last: string | null }[] = await dataSource.query(
    `SELECT max(global_position) AS last FROM events`,
  );
  const end = Math.min(to, Number(last ?? 0));
  range.onStart?.({ fromPosition: from, toPosition: end });
  const workers = singleConnection(dataSource) ? 0 : (range.workers ?? defaultWorkers(end - from + 1));
  const inline = inlineReader(dataSource);
  const reader = workers > 0 ? workerReader(workers, connectionOf(dataSource), inline) : inline;
  const ahead = Math.max(range.readAhead ?? 2, 2 * workers);
  try {
    for await (const batch of readBatches(reader, from, end, range.batchSize ?? 5000, ahead)) {
      batch.hashes.forEach((hash, i) => sealChecker.add(batch.transactionIds[i], batch.positions[i], hash));
      await chain.check(batch);
      range.onProgress?.(chain.checked, batch.positions[batch.positions.length - 1]);
    }
  } finally {
    await reader.close();
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
 * Batches of `size` positions in order, hashed, `ahead` of them requested before the current one
 * is used (on pooled connections or worker threads, so Postgres reads and threads hash while the
 * main thread checks). Position ranges, not keyset LIMITs, so a batch can be asked for before the
 * previous one arrives; gaps left by rolled-back appends only make a batch smaller.
 */
async function* readBatches(
  reader: BatchReader,
  from: number,
  end: number,
  size: number,
  ahead: number,
): AsyncGenerator<HashedBatch> {
  const queue: Promise<HashedBatch>[] = [];
  let next = from;
  // The first batches are small (1,000, 2,000, 4,000 positions, then `size`): they are read on the
  // calling thread while the workers load, and the count a reader watches moves from the start.
  let current = Math.min(size, FIRST_BATCH);
  for (;;) {
    while (queue.length <= ahead && next <= end) {
      const rows = reader.read(next, Math.min(next + current - 1, end));
      rows.catch(() => undefined); // awaited in turn; unless the consumer stopped early
      queue.push(rows);
      next += current;
      current = Math.min(size, current * 2);
    }
    const batch = queue.shift();
    if (!batch) return;
    const rows = await batch;
    if (rows.positions.length > 0) yield rows;
  }
}

const FIRST_BATCH = 1_000;

/** Ranges shorter than this are read and hashed on the calling thread: starting workers costs more. */
const WORKER_THRESHOLD = 100_000;

function defaultWorkers(span: number): number {
  if (span < WORKER_THRESHOLD) return 0;
  // Two on two cores: measured faster than one (the main thread and Postgres need little).
  return Math.min(availableParallelism(), 3);
}
