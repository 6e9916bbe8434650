import { createHash, randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { systemClock, type Clock } from '@union/kernel';
import { singleConnection } from './database/single-connection';
import { DuplicateEventIdError, WrongExpectedVersionError } from './errors';
import { eventHash } from './hash-chain';
import { currentAttempt } from './idempotency-attempt';
import { recordWrite } from './idempotency';
import { EVENT_COLUMNS, readEvents, type EventRow } from './rows';
import { writeGuardSql, type PersonalData, type WriteGuard } from './personal-data/personal-data';
import { Upcasters } from './upcasters';
import type { InlineProjection } from './projections/inline-projection';
import type {
  AppendOptions,
  AppendResult,
  Checkpoint,
  NewEvent,
  ReadStreamOptions,
  StoredEvent,
} from './types';

export interface EventStoreOptions {
  upcasters?: Upcasters;
  /** Read models updated in the append's transaction (ARCHITECTURE.md). */
  projections?: InlineProjection[];
  clock?: Clock;
  /** A snapshot that could not be written (the command went through; the log is the truth). */
  onSnapshotError?: (error: unknown, streamId: string) => void;
  /**
   * Seals the personal fields of new events and opens them on read (issue 18). Without it events
   * are stored as given (stores holding no personal data, and tests of the log itself).
   */
  personalData?: PersonalData;
}

interface Head {
  version: number;
  hash: string | null;
}

const UNIQUE_VIOLATION = '23505';
/** The events columns' types, in the INSERT's order (a guarded insert selects typed values). */
const COLUMN_TYPES = [
  'text',
  'text',
  'int',
  'uuid',
  'text',
  'int',
  'jsonb',
  'jsonb',
  'timestamptz',
  'text',
  'text',
  'text',
];

/** The stored events with the data as given (the plain values), as a read gives them back. */
function asGiven(stored: AppendResult, events: readonly NewEvent[]): AppendResult {
  // An idempotent retry's events were read back (and opened) already.
  if (stored.alreadyStored) return stored;
  return { ...stored, events: stored.events.map((e, i) => ({ ...e, data: events[i].data })) };
}

/** Append, read and subscribe on the `events` table of one service database. */
export class EventStore {
  readonly upcasters: Upcasters;
  readonly projections: readonly InlineProjection[];
  readonly onSnapshotError: (error: unknown, streamId: string) => void;
  readonly personalData: PersonalData | undefined;
  private readonly clock: Clock;

  constructor(
    readonly dataSource: DataSource,
    options: EventStoreOptions = {},
  ) {
    this.upcasters = options.upcasters ?? new Upcasters();
    this.projections = options.projections ?? [];
    this.clock = options.clock ?? systemClock;
    this.onSnapshotError = options.onSnapshotError ?? warnSnapshotError;
    this.personalData = options.personalData;
    this.statement = singleConnection(dataSource) ? (text) => text : prepared;
  }

  /** The append's statement as the driver is to send it (named, so prepared once per connection). */
  private readonly statement: (text: string) => string;

  /** Stored rows as the service reads them ({@link readEvents}). */
  eventsOf(m: EntityManager, rows: readonly EventRow[]): Promise<StoredEvent[]> {
    return readEvents(m, rows, this.upcasters, this.personalData);
  }

  /**
   * Appends `events` to `streamId` atomically, checking the expected version. Of two writers
   * expecting the same version exactly one wins; the other gets WrongExpectedVersionError.
   * Appending event ids that are all stored already changes nothing (`alreadyStored`).
   */
  async append(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    const projections = this.projections.filter((p) => events.some((e) => p.handles.includes(e.type)));
    // An HTTP write's key is recorded in the append's transaction (docs/idempotency.md).
    const attempt = currentAttempt();
    attempt?.noteWrite();
    if (options.tx) return this.appendAndProject(options.tx, streamId, events, options, projections, true);
    const seals = events.some((e) => this.personalData?.seals(e.type));
    // Sealed with keys this process holds (or makes), the events and any new key are one
    // statement, which checks the keys and the restriction itself (docs/personal-information.md,
    // "Cost"); when it cannot, or its check fails, the append seals after reading, in a transaction.
    if (seals && projections.length === 0 && !attempt?.key) {
      const done = await this.insertGuarded(this.dataSource.manager, streamId, events, options, false);
      if (done) return done;
    }
    // A person's new data key commits with the event it seals (one commit, not two).
    if (projections.length > 0 || attempt?.key || seals) {
      return this.dataSource.transaction((tx) =>
        this.appendAndProject(tx, streamId, events, options, projections, true),
      );
    }
    return this.appendAndProject(this.dataSource.manager, streamId, events, options, [], false);
  }

  private async appendAndProject(
    m: EntityManager,
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
    projections: readonly InlineProjection[],
    inTransaction: boolean,
  ): Promise<AppendResult> {
    const result =
      (await this.insertGuarded(m, streamId, events, options, inTransaction)) ??
      (await this.insertSealed(m, streamId, events, options, inTransaction));
    if (!result.alreadyStored) {
      for (const projection of projections) {
        await projection.apply(
          result.events.filter((e) => projection.handles.includes(e.type)),
          m,
        );
      }
      const attempt = currentAttempt();
      if (attempt?.key) await recordWrite(m, attempt, { streamId, version: result.nextVersion });
    }
    return result;
  }

  /** Seals (reading the keys and the restriction), then inserts. */
  private async insertSealed(
    m: EntityManager,
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
    inTransaction: boolean,
  ): Promise<AppendResult> {
    const sealed = this.personalData ? await this.personalData.seal(m, events) : events;
    const stored = await this.insert(m, streamId, sealed, options, inTransaction);
    return sealed === events ? stored : asGiven(stored, events);
  }

  /**
   * Seals with keys this process holds or makes and inserts in one statement guarded by the
   * database (PersonalData.sealGuarded). Undefined when that is not possible or the guard refused
   * (nothing was written; the caller goes on with `insertSealed`).
   */
  private async insertGuarded(
    m: EntityManager,
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
    inTransaction: boolean,
  ): Promise<AppendResult | undefined> {
    const personal = this.personalData;
    if (!personal || !events.some((e) => personal.seals(e.type))) return undefined;
    const prepared = await personal.sealGuarded(events);
    if (!prepared) return undefined;
    const stored = await this.insert(m, streamId, prepared.events, options, inTransaction, prepared.guard);
    personal.settle(prepared.guard, stored !== undefined);
    return stored && asGiven(stored, events);
  }

  private insert(
    m: EntityManager,
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
    inTransaction: boolean,
  ): Promise<AppendResult>;
  private insert(
    m: EntityManager,
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
    inTransaction: boolean,
    guard: WriteGuard,
  ): Promise<AppendResult | undefined>;
  private async insert(
    m: EntityManager,
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
    inTransaction: boolean,
    guard?: WriteGuard,
  ): Promise<AppendResult | undefined> {
    const head = await this.head(m, streamId, options);
    const streamType = options.streamType ?? streamId.split('-')[0];
    const recordedAt = this.clock.now().toISOString();
    let prevHash = head.hash;
    const rows = events.map((e, i) => {
      const fields = {
        streamId,
        streamType,
        version: head.version + i + 1,
        eventId: e.eventId ?? randomUUID(),
        type: e.type,
        schemaVersion: e.schemaVersion ?? this.upcasters.currentVersion(e.type),
        data: e.data,
        metadata: e.metadata ?? {},
        recordedAt,
        personRef: e.personRef ?? null,
      };
      const row = { ...fields, prevHash, hash: eventHash(prevHash, fields) };
      prevHash = row.hash;
      return row;
    });
    try {
      const columns = 12;
      const values = rows.map(
        (_, i) => `(${Array.from({ length: columns }, (_, c) => `$${i * columns + c + 1}`).join(', ')})`,
      );
      const columnList = `stream_id, stream_type, version, event_id, type, schema_version, data, metadata,
           recorded_at, person_ref, prev_hash, hash`;
      const checked = guard && writeGuardSql(guard, rows.length * columns + 1);
      const typed = (row: string) =>
        row.replace(/\$(\d+)/g, (p, n: string) => `${p}::${COLUMN_TYPES[(Number(n) - 1) % columns]}`);
      const inserted: { global_position: string; transaction_id: string }[] = await m.query(
        this.statement(
          checked
            ? `${checked.with}
             INSERT INTO events (${columnList})
             SELECT * FROM (VALUES ${values.map(typed).join(', ')}) AS v
             ${checked.where}
             RETURNING global_position, transaction_id::text AS transaction_id`
            : `INSERT INTO events (${columnList})
         VALUES ${values.join(', ')}
         RETURNING global_position, transaction_id::text AS transaction_id`,
        ),
        [
          ...rows.flatMap((r) => [
            r.streamId,
            r.streamType,
            r.version,
            r.eventId,
            r.type,
            r.schemaVersion,
            JSON.stringify(r.data),
            JSON.stringify(r.metadata),
            r.recordedAt,
            r.personRef,
            r.prevHash,
            r.hash,
          ]),
          ...(checked?.params ?? []),
        ],
      );
      // The guard refused: the held key is no longer stored, or a person is restricted.
      if (checked && inserted.length === 0) return undefined;
      const stored: StoredEvent[] = rows.map((r, i) => ({
        ...r,
        recordedAt: new Date(r.recordedAt),
        globalPosition: Number(inserted[i].global_position),
        transactionId: inserted[i].transaction_id,
      }));
      const last = stored[stored.length - 1];
      return { nextVersion: last.version, headHash: last.hash, events: stored, alreadyStored: false };
    } catch (error) {
      const { code, constraint } = error as { code?: string; constraint?: string };
      if (code !== UNIQUE_VIOLATION) throw error;
      if (constraint === 'events_stream_version_unique') {
        throw new WrongExpectedVersionError(
          streamId,
          options.expectedVersion,
          inTransaction ? null : await this.version(m, streamId),
        );
      }
      if (constraint === 'events_event_id_unique') {
        const ids = rows.map((r) => r.eventId);
        if (inTransaction) throw new DuplicateEventIdError(ids);
        return this.alreadyStored(m, streamId, ids);
      }
      throw error;
    }
  }

  /** The stream's head as the append needs it; one query at most, none when the caller knows it. */
  private async head(m: EntityManager, streamId: string, options: AppendOptions): Promise<Head> {
    const expected = options.expectedVersion;
    if (expected === 'no_stream' || expected === 0) return { version: 0, hash: null };
    if (expected === 'any') {
      const rows: { version: number; hash: string }[] = await m.query(
        `SELECT version, hash FROM events WHERE stream_id = $1 ORDER BY version DESC LIMIT 1`,
        [streamId],
      );
      return rows[0] ? { version: rows[0].version, hash: rows[0].hash } : { version: 0, hash: null };
    }
    if (options.expectedHash !== undefined) return { version: expected, hash: options.expectedHash };
    const rows: { hash: string }[] = await m.query(
      `SELECT hash FROM events WHERE stream_id = $1 AND version = $2`,
      [streamId, expected],
    );
    if (!rows[0]) throw new WrongExpectedVersionError(streamId, expected, await this.version(m, streamId));
    return { version: expected, hash: rows[0].hash };
  }

  private async alreadyStored(m: EntityManager, streamId: string, ids: string[]): Promise<AppendResult> {
    const rows: EventRow[] = await m.query(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE event_id = ANY($1::uuid[]) ORDER BY global_position`,
      [ids],
    );
    if (rows.length !== ids.length || rows.some((r) => r.stream_id !== streamId)) {
      throw new DuplicateEventIdError(rows.map((r) => r.event_id));
    }
    const events = await this.eventsOf(m, rows);
    const last = events[events.length - 1];
    return { nextVersion: last.version, headHash: last.hash, events, alreadyStored: true };
  }

  /** The stream's current version, 0 when it does not exist. */
  async version(m: EntityManager | undefined, streamId: string): Promise<number> {
    const rows: { version: number | null }[] = await (m ?? this.dataSource.manager).query(
      `SELECT max(version) AS version FROM events WHERE stream_id = $1`,
      [streamId],
    );
    return rows[0]?.version ?? 0;
  }

  /** A stream's events in version order, optionally from/up to a version or up to an instant. */
  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const m = options.tx ?? this.dataSource.manager;
    const rows: EventRow[] = await m.query(
      `SELECT ${EVENT_COLUMNS} FROM events
       WHERE stream_id = $1 AND version >= $2 AND version <= $3
         AND ($4::timestamptz IS NULL OR recorded_at <= $4)
       ORDER BY version`,
      [
        streamId,
        options.fromVersion ?? 1,
        options.toVersion ?? 2147483647,
        options.asOf?.toISOString() ?? null,
      ],
    );
    return this.eventsOf(m, rows);
  }

  /**
   * Events after `after` in commit order, never skipping one that commits late: only rows whose
   * writing transaction is older than every transaction still running are returned, ordered by
   * (transaction id, global position). Plain global-position order would skip an event whose
   * transaction took its position first but committed after a later one.
   */
  async readAll(after: Checkpoint, limit = 500, tx?: EntityManager): Promise<StoredEvent[]> {
    const m = tx ?? this.dataSource.manager;
    const rows: EventRow[] = await m.query(
      `SELECT ${EVENT_COLUMNS} FROM events
       WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
         AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY transaction_id, global_position
       LIMIT $3`,
      [after.transactionId, after.globalPosition, limit],
    );
    return this.eventsOf(m, rows);
  }
}

const warnSnapshotError = (error: unknown, streamId: string): void =>
  process.emitWarning(
    `snapshot of ${streamId} not written: ${error instanceof Error ? error.message : String(error)}`,
    'SnapshotWarning',
  );

/** The checkpoint just after `event`. */
export const checkpointOf = (event: Pick<StoredEvent, 'transactionId' | 'globalPosition'>): Checkpoint => ({
  transactionId: event.transactionId,
  globalPosition: event.globalPosition,
});

/**
 * `text` as a named statement of the `pg` driver, which prepares it once per connection and then
 * only binds and executes it: every append sends one of a few texts (one per number of events and
 * people), and Postgres planned the guarded one anew each time, a quarter of an append's time.
 * TypeORM passes the object through to `pg` untouched (its type says string).
 */
function prepared(text: string): string {
  let name = STATEMENT_NAMES.get(text);
  if (!name) {
    name = `append-${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    // A few texts in use; a bound on the odd large append's, not an eviction policy.
    if (STATEMENT_NAMES.size >= 1_000) STATEMENT_NAMES.clear();
    STATEMENT_NAMES.set(text, name);
  }
  return { name, text } as unknown as string;
}

/** Each statement text's name, hashed once per process rather than once per append. */
const STATEMENT_NAMES = new Map<string, string>();
