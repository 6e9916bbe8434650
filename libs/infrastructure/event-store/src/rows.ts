import type { EntityManager } from 'typeorm';
import type { PersonalData } from './personal-data/personal-data';
import type { Upcasters } from './upcasters';
import type { StoredEvent, EventMetadata } from './types';

/** The columns every event query selects, in the shape `toStoredEvent` reads. */
export const eventColumns = (alias = 'events'): string =>
  `${alias}.global_position, ${alias}.stream_id, ${alias}.stream_type, ${alias}.version, ${alias}.event_id,
   ${alias}.type, ${alias}.schema_version, ${alias}.data, ${alias}.metadata, ${alias}.recorded_at,
   ${alias}.transaction_id::text AS transaction_id, ${alias}.person_ref, ${alias}.prev_hash, ${alias}.hash`;

export const EVENT_COLUMNS = eventColumns();

export interface EventRow {
  global_position: string | number;
  stream_id: string;
  stream_type: string;
  version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
  recorded_at: Date | string;
  transaction_id: string;
  person_ref: string | null;
  prev_hash: string | null;
  hash: string;
}

/** The row as stored, without upcasting: what the hash chain covers. */
export function toRawEvent(row: EventRow): StoredEvent {
  return {
    globalPosition: Number(row.global_position),
    streamId: row.stream_id,
    streamType: row.stream_type,
    version: row.version,
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    recordedAt: new Date(row.recorded_at),
    transactionId: row.transaction_id,
    personRef: row.person_ref,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** The row upcast to the current schema version of its type. */
export function toStoredEvent(row: EventRow, upcasters: Upcasters): StoredEvent {
  const raw = toRawEvent(row);
  return { ...raw, ...upcasters.upcast(raw.type, raw.schemaVersion, raw.data) };
}

/**
 * Stored rows as a service reads them: personal fields opened (or read as erased) when the store
 * seals them, then upcast to the current schema. The one way rows become events for the service.
 */
export async function readEvents(
  m: EntityManager,
  rows: readonly EventRow[],
  upcasters: Upcasters,
  personalData: PersonalData | undefined,
): Promise<StoredEvent[]> {
  const raw = rows.map(toRawEvent);
  const opened = personalData ? await personalData.open(m, raw) : raw;
  return opened.map((e) => ({ ...e, ...upcasters.upcast(e.type, e.schemaVersion, e.data) }));
}
