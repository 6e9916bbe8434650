import { eventHash } from '../hash-chain';

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

/** What a row's hash would be from its content, as `eventHash` defines it. */
export function rowHash(row: RawRow): string {
  // Events are written with millisecond times (a JS Date); a microsecond part means an edit that
  // the millisecond ISO form in the hash would not show.
  if (row.recorded_at.slice(23, 26) !== '000') return 'recorded_at has sub-millisecond digits';
  return eventHash(row.prev_hash, {
    streamId: row.stream_id,
    streamType: row.stream_type,
    version: row.version,
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as unknown,
    recordedAt: `${row.recorded_at.slice(0, 23)}Z`,
    personRef: row.person_ref,
  });
}
