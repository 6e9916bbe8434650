import { createHash, hash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { canonicalJson, systemClock, type Clock } from '@union/kernel';

/**
 * A seal of the event log: every event whose writing transaction is below `horizon` is covered.
 * `events` of them are new since the previous seal (positions `fromPosition`..`upToPosition`),
 * `eventCount` in all; `rollingHash` = sha256(previous seal's rolling hash || the new events'
 * hashes in global-position order). `hash` covers the seal's own fields and chains it to the
 * previous seal's `hash`.
 */
export interface Seal {
  sealId: number;
  horizon: string;
  fromPosition: number;
  upToPosition: number;
  events: number;
  eventCount: number;
  rollingHash: string;
  prevSealId: number | null;
  prevHash: string | null;
  hash: string;
  sealedAt: string;
}

/** The hash of a seal's fields (everything but `hash` itself), chained to the previous seal. */
export function sealHash(seal: Omit<Seal, 'hash'>): string {
  return hash(
    'sha256',
    canonicalJson({
      sealId: seal.sealId,
      horizon: seal.horizon,
      fromPosition: seal.fromPosition,
      upToPosition: seal.upToPosition,
      events: seal.events,
      eventCount: seal.eventCount,
      rollingHash: seal.rollingHash,
      prevSealId: seal.prevSealId,
      prevHash: seal.prevHash,
      sealedAt: seal.sealedAt,
    }),
    'hex',
  );
}

interface SealRow {
  seal_id: string;
  horizon: string;
  from_position: string;
  up_to_position: string;
  events: string;
  event_count: string;
  rolling_hash: string;
  prev_seal_id: string | null;
  prev_hash: string | null;
  hash: string;
  sealed_at: Date;
}

const SEAL_COLUMNS = `seal_id, horizon::text AS horizon, from_position, up_to_position, events, event_count,
  rolling_hash, prev_seal_id, prev_hash, hash, sealed_at`;

const toSeal = (r: SealRow): Seal => ({
  sealId: Number(r.seal_id),
  horizon: r.horizon,
  fromPosition: Number(r.from_position),
  upToPosition: Number(r.up_to_position),
  events: Number(r.events),
  eventCount: Number(r.event_count),
  rollingHash: r.rolling_hash,
  prevSealId: r.prev_seal_id === null ? null : Number(r.prev_seal_id),
  prevHash: r.prev_hash,
  hash: r.hash,
  sealedAt: new Date(r.sealed_at).toISOString(),
});

/** Every seal, oldest first. */
export async function readSeals(m: DataSource | EntityManager): Promise<Seal[]> {
  const rows: SealRow[] = await m.query(`SELECT ${SEAL_COLUMNS} FROM seals ORDER BY seal_id`);
  return rows.map(toSeal);
}

/** One page of the seals, newest first, and how many there are (the audit's seal list). */
export async function readSealsPage(
  m: DataSource | EntityManager,
  page: { offset: number; limit: number },
): Promise<{ seals: Seal[]; total: number }> {
  const rows: SealRow[] = await m.query(
    `SELECT ${SEAL_COLUMNS} FROM seals ORDER BY seal_id DESC LIMIT $1 OFFSET $2`,
    [page.limit, page.offset],
  );
  const [{ total }]: { total: string }[] = await m.query(`SELECT count(*) AS total FROM seals`);
  return { seals: rows.map(toSeal), total: Number(total) };
}

/** Serialises sealers of one database (several replicas of a service may run one each). */
const SEAL_LOCK = 7_372_001;
const BATCH = 10_000;

/**
 * Seals what committed since the last seal: the events whose transaction is below the current
 * xmin horizon (every transaction below it has finished, so none of them can still appear), and
 * not below the last seal's horizon. Returns the new seal, or null when there was nothing new
 * (or another sealer holds the lock).
 */
export async function sealLog(dataSource: DataSource, clock: Clock = systemClock): Promise<Seal | null> {
  return dataSource.transaction(async (tx) => {
    const [{ locked }]: { locked: boolean }[] = await tx.query(
      `SELECT pg_try_advisory_xact_lock(${SEAL_LOCK}) AS locked`,
    );
    if (!locked) return null;
    const lastRows: SealRow[] = await tx.query(
      `SELECT ${SEAL_COLUMNS} FROM seals ORDER BY seal_id DESC LIMIT 1`,
    );
    const last = lastRows[0] ? toSeal(lastRows[0]) : null;
    const [{ horizon }]: { horizon: string }[] = await tx.query(
      `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon`,
    );
    const low = last?.horizon ?? '0';
    if (BigInt(horizon) <= BigInt(low)) return null;
    const range = await rangeHash(tx, low, horizon, last?.rollingHash ?? '');
    if (range.events === 0) return null;
    const unsigned = {
      sealId: (last?.sealId ?? 0) + 1,
      horizon,
      fromPosition: range.fromPosition,
      upToPosition: range.upToPosition,
      events: range.events,
      eventCount: (last?.eventCount ?? 0) + range.events,
      rollingHash: range.rollingHash,
      prevSealId: last?.sealId ?? null,
      prevHash: last?.hash ?? null,
      sealedAt: clock.now().toISOString(),
    };
    const seal: Seal = { ...unsigned, hash: sealHash(unsigned) };
    await tx.query(
      `INSERT INTO seals (seal_id, horizon, from_position, up_to_position, events, event_count, rolling_hash,
         prev_seal_id, prev_hash, hash, sealed_at)
       VALUES ($1, $2::xid8, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        seal.sealId,
        seal.horizon,
        seal.fromPosition,
        seal.upToPosition,
        seal.events,
        seal.eventCount,
        seal.rollingHash,
        seal.prevSealId,
        seal.prevHash,
        seal.hash,
        seal.sealedAt,
      ],
    );
    return seal;
  });
}

/** Count, positions and rolling hash of the events with `low <= transaction_id < high`. */
async function rangeHash(tx: EntityManager, low: string, high: string, previousRolling: string) {
  const rolling = createHash('sha256').update(previousRolling);
  const [{ first }]: { first: string | null }[] = await tx.query(
    `SELECT min(global_position) AS first FROM events WHERE transaction_id >= $1::xid8 AND transaction_id < $2::xid8`,
    [low, high],
  );
  let events = 0;
  let upToPosition = 0;
  let after = first === null ? Number.MAX_SAFE_INTEGER : Number(first) - 1;
  for (;;) {
    const rows: { global_position: string; hash: string }[] = await tx.query(
      `SELECT global_position, hash FROM events
       WHERE global_position > $1 AND transaction_id >= $2::xid8 AND transaction_id < $3::xid8
       ORDER BY global_position LIMIT ${BATCH}`,
      [after, low, high],
    );
    for (const row of rows) rolling.update(row.hash);
    events += rows.length;
    if (rows.length > 0) upToPosition = Number(rows[rows.length - 1].global_position);
    if (rows.length < BATCH) break;
    after = upToPosition;
  }
  return { events, fromPosition: Number(first ?? 0), upToPosition, rollingHash: rolling.digest('hex') };
}
