import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  currentAttempt,
  eventHash,
  recordWrites,
  type EventMetadata,
  type PersonalData,
  type Upcasters,
} from '@union/event-store';

/** The first event of a stream that does not exist yet. */
export interface FirstEvent {
  readonly streamId: string;
  readonly streamType: string;
  readonly personRef: string | null;
  readonly type: string;
  readonly data: unknown;
}

/**
 * A UUID whose first 48 bits are the time in ms (the UUIDv7 layout): ids of one batch, and of
 * batches that follow, sort together, so the event-id index grows at its right edge instead of
 * touching a random page for every event of a 10,000-member enrollment.
 */
export function timeOrderedUuid(now = Date.now()): string {
  const ms = now.toString(16).padStart(12, '0');
  const random = randomUUID();
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${random.slice(15)}`;
}

const byStreamId = (a: FirstEvent, b: FirstEvent): number =>
  a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0;

/**
 * Read-model rows written in the same statement as the events, for the streams it actually
 * started: `insert` reads them as `started_rows(d jsonb)`.
 */
export interface StartedRows {
  readonly insert: string;
  /** The row a started stream's first event gives (its version is 1). */
  rowOf(first: FirstEvent): unknown;
}

/**
 * Starts many streams at once: each gets its version-1 event in ONE multi-row insert, instead of
 * one `EventStore.append` per stream. It writes exactly what `append(..., { expectedVersion:
 * 'no_stream' })` would (hash = `eventHash(null, fields)`, so `verifyLog` passes), but a stream
 * another transaction started meanwhile is skipped (`ON CONFLICT DO NOTHING`: it waits for that
 * transaction, then keeps its event) rather than failing the whole batch. Rows go in stream-id
 * order so two overlapping batches lock in the same order. With `rows`, the read-model rows of
 * the started streams go in the same statement (a data-modifying CTE). Returns the first events
 * actually stored (only their stream ids come back: a 10,000-row answer of full events cost
 * more to parse than it told).
 *
 * Like `append`, it seals the events' personal fields before hashing them (`personalData`: the
 * store's), and the read-model rows and the answer get the plain values.
 *
 * Like `append`, it joins the HTTP write being served (docs/idempotency.md): the attempt notes
 * that it wrote, and with an Idempotency-Key the statement and the key's record of the started
 * streams commit in one transaction. Without a key the statement is atomic on its own.
 */
export async function startStreams(
  dataSource: DataSource,
  upcasters: Upcasters,
  firsts: readonly FirstEvent[],
  metadata: EventMetadata,
  rows?: StartedRows,
  personalData?: PersonalData,
): Promise<FirstEvent[]> {
  if (firsts.length === 0) return [];
  const attempt = currentAttempt();
  attempt?.noteWrite();
  if (!attempt?.key) return insertFirsts(dataSource.manager, upcasters, firsts, metadata, rows, personalData);
  return dataSource.transaction(async (tx) => {
    const started = await insertFirsts(tx, upcasters, firsts, metadata, rows, personalData);
    // Even with nothing started: a duplicate of this key that committed first makes this roll back.
    await recordWrites(
      tx,
      attempt,
      started.map((f) => ({ streamId: f.streamId, version: 1 })),
    );
    return started;
  });
}

async function insertFirsts(
  db: EntityManager,
  upcasters: Upcasters,
  firsts: readonly FirstEvent[],
  metadata: EventMetadata,
  rows: StartedRows | undefined,
  personalData: PersonalData | undefined,
): Promise<FirstEvent[]> {
  const now = new Date();
  const recordedAt = now.toISOString();
  const sorted = [...firsts].sort(byStreamId);
  const stored = personalData ? await personalData.seal(db, sorted) : sorted;
  const events = stored.map((f) => {
    const fields = {
      streamId: f.streamId,
      streamType: f.streamType,
      version: 1,
      eventId: timeOrderedUuid(now.getTime()),
      type: f.type,
      schemaVersion: upcasters.currentVersion(f.type),
      data: f.data,
      metadata,
      recordedAt,
      personRef: f.personRef,
    };
    return { fields, hash: eventHash(null, fields) };
  });
  // One JSON parameter rather than one array per column: JSON.stringify is far cheaper than
  // escaping thousands of array elements, and Postgres parses it once.
  const json = JSON.stringify(
    events.map(({ fields: f, hash }) => ({
      s: f.streamId,
      t: f.streamType,
      e: f.eventId,
      ty: f.type,
      sv: f.schemaVersion,
      d: f.data,
      p: f.personRef,
      h: hash,
    })),
  );
  const insertEvents = `INSERT INTO events (stream_id, stream_type, version, event_id, type, schema_version, data,
       metadata, recorded_at, person_ref, prev_hash, hash)
     SELECT r.s, r.t, 1, r.e, r.ty, r.sv, r.d, $2::jsonb, $3::timestamptz, r.p, NULL, r.h
     FROM json_to_recordset($1::json) AS r(s text, t text, e uuid, ty text, sv int, d jsonb, p text, h text)
     ON CONFLICT ON CONSTRAINT events_stream_version_unique DO NOTHING
     RETURNING stream_id`;
  const params = [json, JSON.stringify(metadata), recordedAt];
  const sql = rows
    ? `WITH started AS (${insertEvents}),
       started_rows AS (
         SELECT r.d FROM jsonb_to_recordset($4::jsonb) AS r(s text, d jsonb) JOIN started ON started.stream_id = r.s),
       written AS (${rows.insert})
       SELECT stream_id FROM started`
    : insertEvents;
  if (rows) params.push(JSON.stringify(sorted.map((f) => ({ s: f.streamId, d: rows.rowOf(f) }))));
  const inserted: { stream_id: string }[] = await db.query(sql, params);
  const byStream = new Map(sorted.map((f) => [f.streamId, f]));
  return inserted.map((row) => byStream.get(row.stream_id) as FirstEvent);
}
