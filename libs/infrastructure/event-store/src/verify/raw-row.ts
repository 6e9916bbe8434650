import { storedEventHash } from '../hash-chain';

/**
 * An event row as verify reads it: data and metadata as the text Postgres sends (parsed where
 * the hash is computed, possibly on a worker thread), the time with microseconds.
 */
export interface RawRow {
  global_position: string;
  stream_id: string;
  stream_type: string;
  version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  /** `YYYY-MM-DDTHH:MI:SS.uuuuuuZ`, UTC. */
  recorded_at: string;
  transaction_id: string;
  person_ref: string | null;
  prev_hash: string | null;
  hash: string;
}

export const RAW_COLUMNS = `global_position, stream_id, stream_type, version, event_id::text AS event_id, type,
  schema_version, data::text AS data, metadata::text AS metadata,
  to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS recorded_at,
  transaction_id::text AS transaction_id, person_ref, prev_hash, hash`;

/** The rows of a range of global positions, in order ($1 and $2 inclusive). */
export const SELECT_RAW_RANGE = `SELECT ${RAW_COLUMNS} FROM events
  WHERE global_position >= $1 AND global_position <= $2 ORDER BY global_position`;

/**
 * What the chain and seal checks need of a batch of rows, column by column (passed between
 * threads for a third of the cost of one object per row), with `intact`: whether each row's
 * content still gives its hash.
 */
export interface HashedBatch {
  positions: number[];
  streamIds: string[];
  versions: number[];
  transactionIds: string[];
  prevHashes: (string | null)[];
  hashes: string[];
  intact: boolean[];
}

export function hashBatch(rows: readonly RawRow[]): HashedBatch {
  const batch: HashedBatch = {
    positions: [],
    streamIds: [],
    versions: [],
    transactionIds: [],
    prevHashes: [],
    hashes: [],
    intact: [],
  };
  for (const row of rows) {
    batch.positions.push(Number(row.global_position));
    batch.streamIds.push(row.stream_id);
    batch.versions.push(row.version);
    batch.transactionIds.push(row.transaction_id);
    batch.prevHashes.push(row.prev_hash);
    batch.hashes.push(row.hash);
    batch.intact.push(rowHash(row) === row.hash);
  }
  return batch;
}

/** What a row's hash would be from its content, as `eventHash` defines it. */
export function rowHash(row: RawRow): string {
  // Events are written with millisecond times (a JS Date); a microsecond part means an edit that
  // the millisecond ISO form in the hash would not show.
  if (row.recorded_at.slice(23, 26) !== '000') return 'recorded_at has sub-millisecond digits';
  return storedEventHash(row.prev_hash, {
    streamId: row.stream_id,
    streamType: row.stream_type,
    version: row.version,
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    dataText: row.data,
    metadataText: row.metadata,
    recordedAt: `${row.recorded_at.slice(0, 23)}Z`,
    personRef: row.person_ref,
  });
}
