import { availableParallelism } from 'node:os';
import type { DataSource } from 'typeorm';
import type { ChainBreak } from './hash-chain';
import { readSeals } from './seals/seal';
import { SealChecker, type SealsReport } from './seals/seal-checker';
import { ChainChecker } from './verify/chain-checker';
import { inlineHasher, workerHasher } from './verify/hash-pool';
import { RAW_COLUMNS, type RawRow } from './verify/raw-row';

export interface VerifyRange {
  fromPosition?: number;
  toPosition?: number;
  batchSize?: number;
  onProgress?: (checked: number) => void;
  /** Hashing threads beside the main one; default: one per spare core on long ranges, else none. */
  workers?: number;
}

export interface VerifyReport {
  checked: number;
  /** False when the hash chain or a seal fails. */
  valid: boolean;
  /** The first break of the hash chain in global-position order. */
  firstInvalid?: ChainBreak;
  seals: SealsReport;
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
  const from = range.fromPosition ?? 1;
  const to = range.toPosition ?? Number.MAX_SAFE_INTEGER;
  const batchSize = range.batchSize ?? 5000;
  const sealChecker = new SealChecker(await readSeals(dataSource), from, to);
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
    for await (const rows of readBatches(dataSource, from, to, batchSize)) {
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
  };
}

/** Keyset batches in global-position order, the next one requested before this one is used. */
async function* readBatches(
  dataSource: DataSource,
  from: number,
  to: number,
  size: number,
): AsyncGenerator<RawRow[]> {
  const fetch = (after: number): Promise<RawRow[]> =>
    dataSource.query(
      `SELECT ${RAW_COLUMNS} FROM events
       WHERE global_position > $1 AND global_position <= $2
       ORDER BY global_position LIMIT ${size}`,
      [after, to],
    );
  let next: Promise<RawRow[]> | null = fetch(from - 1);
  while (next) {
    const rows: RawRow[] = await next;
    next = rows.length === size ? fetch(Number(rows[rows.length - 1].global_position)) : null;
    next?.catch(() => undefined); // awaited next turn; unless the consumer stopped early
    if (rows.length > 0) yield rows;
  }
}

async function defaultWorkers(dataSource: DataSource, from: number, to: number): Promise<number> {
  const spare = Math.min(availableParallelism() - 1, 3);
  if (spare < 1) return 0;
  const [{ last }]: { last: string | null }[] = await dataSource.query(
    `SELECT max(global_position) AS last FROM events`,
  );
  const span = Math.min(Number(last ?? 0), to) - from + 1;
  return span >= WORKER_THRESHOLD ? spare : 0;
}
