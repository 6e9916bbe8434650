import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DomainError, type Decider, type DomainEvent } from '@union/kernel';
import { WrongExpectedVersionError } from './errors';
import type { EventStore } from './event-store';
import { eventHash, type HashedFields } from './hash-chain';
import { currentAttempt } from './idempotency-attempt';
import { recordWrites } from './idempotency';
import { EVENT_COLUMNS, type EventRow } from './rows';
import { personsOf } from './personal-data/restrictions';
import type { EventMetadata, StoredEvent } from './types';

/** One command of a bulk decision, on its own stream. */
export interface BulkCommand<Command> {
  readonly streamId: string;
  readonly command: Command;
  /** The person the stream is about, for a new stream; by default the stream's own. */
  readonly personRef?: string | null;
}

/** What became of one command: its stored events, or the rule that refused it. */
export type BulkOutcome =
  | { readonly streamId: string; readonly events: StoredEvent[] }
  | { readonly streamId: string; readonly refused: DomainError };

export interface BulkCommandContext {
  readonly streamType: string;
  readonly metadata: EventMetadata;
  /** The caller's transaction: every append of the bulk commits with it, or none does. */
  readonly tx: EntityManager;
}

const UNIQUE_VIOLATION = '23505';

/** A stream as the bulk loaded it: folded state and head. */
interface StreamHead<State> {
  state: State;
  version: number;
  hash: string | null;
  personRef: string | null;
}

/**
 * `handleCommand` for many streams at once, in the caller's transaction: the streams are read in
 * one query, each command is decided on its folded stream (a DomainError refuses that command
 * alone), and every accepted command's events go in ONE multi-row insert, chained to each
 * stream's head exactly as `EventStore.append` chains them (so `verifyLog` passes), then through
 * the inline projections in one pass. Any concurrent append to one of the streams makes the
 * insert fail with WrongExpectedVersionError: the caller's transaction is then aborted and is
 * retried whole. Snapshots are neither read nor written (the streams it serves are short; a
 * snapshot is a cache, so skipping it costs time, never a decision).
 */
export async function handleCommandsInBulk<State, Command, Event extends DomainEvent>(
  store: EventStore,
  decider: Decider<State, Command, Event>,
  commands: readonly BulkCommand<Command>[],
  context: BulkCommandContext,
): Promise<BulkOutcome[]> {
  if (commands.length === 0) return [];
  const { tx } = context;
  const ids = [...new Set(commands.map((c) => c.streamId))];
  if (ids.length !== commands.length) throw new Error('handleCommandsInBulk takes one command per stream');
  const rows: EventRow[] = await tx.query(
    `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, version`,
    [ids],
  );
  const loaded = new Map<string, StreamHead<State>>();
  for (const event of await store.eventsOf(tx, rows)) {
    const at = loaded.get(event.streamId) ?? {
      state: decider.initialState(),
      version: 0,
      hash: null,
      personRef: null,
    };
    at.state = decider.evolve(at.state, { type: event.type, data: event.data } as Event);
    at.version = event.version;
    at.hash = event.hash;
    at.personRef = event.personRef ?? at.personRef;
    loaded.set(event.streamId, at);
  }
  const recordedAt = new Date().toISOString();
  /** Each decided event, and for a stream's first new event the stored head it chains onto. */
  const decidedEvents: {
    fields: HashedFields;
    first: boolean;
    head: string | null;
  }[] = [];
  const outcomes = new Map<string, BulkOutcome>();
  const accepted: { streamId: string; at: StreamHead<State>; ref: string | null; decided: Event[] }[] = [];
  for (const { streamId, command, personRef } of commands) {
    const at = loaded.get(streamId) ?? {
      state: decider.initialState(),
      version: 0,
      hash: null,
      personRef: null,
    };
    try {
      accepted.push({ streamId, at, ref: personRef ?? at.personRef, decided: decider.decide(command, at.state) });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      outcomes.set(streamId, { streamId, refused: error });
    }
  }
  // A person whose processing is restricted has that command alone refused (the seal below
  // would refuse the whole bulk): one query for every person of the decided events.
  const about = (a: (typeof accepted)[number]) => a.decided.map((e) => ({ type: e.type, data: e.data, personRef: a.ref }));
  const restricted = store.personalData
    ? await store.personalData.restrictions.among(tx, accepted.flatMap((a) => about(a).flatMap(personsOf)))
    : undefined;
  for (const a of accepted) {
    const { streamId, at, decided } = a;
    const refusal = restricted?.size ? about(a).map((e) => restricted.refusal(e)).find((r) => r !== null) : null;
    if (refusal) {
      outcomes.set(streamId, { streamId, refused: refusal });
      continue;
    }
    decided.forEach((e, i) => {
      const fields = {
        streamId,
        streamType: context.streamType,
        version: at.version + i + 1,
        eventId: randomUUID(),
        type: e.type,
        schemaVersion: store.upcasters.currentVersion(e.type),
        data: e.data,
        metadata: context.metadata,
        recordedAt,
        personRef: a.ref,
      };
      decidedEvents.push({ fields, first: i === 0, head: at.hash });
    });
    outcomes.set(streamId, { streamId, events: [] });
  }
  // Personal fields sealed before hashing (the chain is over what is stored); the projections and
  // the answer get the plain values, as a read of the stored events would give them back.
  const plain = decidedEvents.map((d) => d.fields);
  const sealed = store.personalData ? await store.personalData.seal(tx, plain) : plain;
  let prevHash: string | null = null;
  const pending = sealed.map((fields, n) => {
    if (decidedEvents[n].first) prevHash = decidedEvents[n].head;
    const hash = eventHash(prevHash, fields);
    const link = { streamId: String(fields.streamId), fields, prevHash, hash };
    prevHash = hash;
    return link;
  });
  const stored = (pending.length > 0 ? await insertAll(tx, pending, context, ids[0]) : []).map((e, n) =>
    sealed === plain ? e : { ...e, data: plain[n].data },
  );
  for (const event of stored) {
    const outcome = outcomes.get(event.streamId);
    if (outcome && 'events' in outcome) outcome.events.push(event);
  }
  for (const projection of store.projections) {
    const handled = stored.filter((e) => projection.handles.includes(e.type));
    if (handled.length > 0) await projection.apply(handled, tx);
  }
  const attempt = currentAttempt();
  attempt?.noteWrite();
  if (attempt?.key && stored.length > 0) {
    const heads = new Map<string, number>();
    for (const e of stored) heads.set(e.streamId, e.version);
    await recordWrites(
      tx,
      attempt,
      [...heads].map(([streamId, version]) => ({ streamId, version })),
    );
  }
  return commands.map((c) => outcomes.get(c.streamId) as BulkOutcome);
}

async function insertAll(
  tx: EntityManager,
  pending: { fields: HashedFields; prevHash: string | null; hash: string }[],
  context: BulkCommandContext,
  anyStreamId: string,
): Promise<StoredEvent[]> {
  // One JSON parameter, as medical-aid's bulk enrollment: cheaper than thousands of parameters.
  const json = JSON.stringify(
    pending.map(({ fields: f, prevHash, hash }, n) => ({
      n,
      s: f.streamId,
      v: f.version,
      e: f.eventId,
      ty: f.type,
      sv: f.schemaVersion,
      d: f.data,
      p: f.personRef,
      ph: prevHash,
      h: hash,
    })),
  );
  const recordedAt = pending[0].fields.recordedAt;
  let inserted: { stream_id: string; version: number; global_position: string; transaction_id: string }[];
  try {
    inserted = await tx.query(
      `INSERT INTO events (stream_id, stream_type, version, event_id, type, schema_version, data, metadata,
         recorded_at, person_ref, prev_hash, hash)
       SELECT r.s, $2, r.v, r.e, r.ty, r.sv, r.d, $3::jsonb, $4::timestamptz, r.p, r.ph, r.h
       FROM json_to_recordset($1::json)
         AS r(n int, s text, v int, e uuid, ty text, sv int, d jsonb, p text, ph text, h text)
       ORDER BY r.n
       RETURNING stream_id, version, global_position, transaction_id::text AS transaction_id`,
      [json, context.streamType, JSON.stringify(context.metadata), recordedAt],
    );
  } catch (error) {
    const { code, constraint } = error as { code?: string; constraint?: string };
    if (code === UNIQUE_VIOLATION && constraint === 'events_stream_version_unique') {
      throw new WrongExpectedVersionError(anyStreamId, 'any', null);
    }
    throw error;
  }
  const at = new Map(inserted.map((r) => [`${r.stream_id}@${r.version}`, r]));
  return pending.map(({ fields, prevHash, hash }) => {
    const row = at.get(`${String(fields.streamId)}@${String(fields.version)}`);
    if (!row)
      throw new Error(`the insert did not return ${String(fields.streamId)}@${String(fields.version)}`);
    return {
      ...(fields as Omit<
        StoredEvent,
        'recordedAt' | 'globalPosition' | 'transactionId' | 'prevHash' | 'hash'
      >),
      recordedAt: new Date(recordedAt),
      prevHash,
      hash,
      globalPosition: Number(row.global_position),
      transactionId: row.transaction_id,
    };
  });
}
