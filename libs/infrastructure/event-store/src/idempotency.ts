import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { canonicalJson } from '@union/kernel';
import type { IdempotencyAttempt, IdempotencyKeyRef } from './idempotency-attempt';

/** The answer a request got, kept to give again. */
export interface StoredResponse {
  status: number;
  body: unknown;
  etag?: string;
}

/** A stream the request appended to, and its version after that append. */
export interface RecordedWrite {
  streamId: string;
  version: number;
}

/** What is known of a key: its request, who may see it again, what it wrote and answered. */
export interface IdempotencyRecord {
  requestHash: string;
  /** The attempt that recorded it (null for keys recorded before attempts existed). */
  attempt: string | null;
  units: string[];
  /** The event-store writes, committed with the record itself. */
  writes: RecordedWrite[];
  /** Null when the writes committed but the answer was never recorded (a crash, the DB away). */
  response: StoredResponse | null;
  /** Milliseconds since the record was committed, by the database's clock. */
  ageMs: number;
}

/** Another attempt with the same key committed first: this transaction must roll back. */
export class IdempotencyKeyTakenError extends Error {
  constructor(
    readonly scope: string,
    readonly key: string,
  ) {
    super(`Idempotency key ${key} was committed by another attempt.`);
    this.name = 'IdempotencyKeyTakenError';
  }
}

/** Hash of what makes two requests "the same": method, path and canonical body. */
export const requestHash = (request: unknown): string =>
  createHash('sha256').update(canonicalJson(request)).digest('hex');

interface Row {
  request_hash: string;
  attempt: string | null;
  units: string[];
  outcome: RecordedWrite[];
  status: number | null;
  response: { body?: unknown; etag?: string } | null;
  age_ms: number;
}

/**
 * Idempotency keys for commands (API.md, "Idempotency"; docs/idempotency.md). A key's record is
 * written by the command's own transaction ({@link recordWrite}), so a key is never held by an
 * attempt that did not commit: there is no claim, no lease and nothing a crash leaves behind. The
 * answer is added after the commit ({@link complete}); until then a replay has the writes only.
 */
export class IdempotencyStore {
  constructor(private readonly dataSource: DataSource) {}

  async find(scope: string, key: string): Promise<IdempotencyRecord | null> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT request_hash, attempt, units, outcome, status, response,
              (extract(epoch FROM now() - created_at) * 1000)::float8 AS age_ms
       FROM idempotency WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      requestHash: row.request_hash,
      attempt: row.attempt,
      units: row.units,
      writes: row.outcome,
      response:
        row.status === null
          ? null
          : { status: row.status, body: row.response?.body, etag: row.response?.etag },
      ageMs: row.age_ms,
    };
  }

  /**
   * Records `attempt`'s answer after its commit (or for a request that wrote nothing). False when
   * another attempt holds the key: this one then changed nothing, and its record is not kept.
   */
  async complete(attempt: IdempotencyAttempt, response: StoredResponse): Promise<boolean> {
    const ref = keyOf(attempt);
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency (scope, key, request_hash, attempt, units, status, response, completed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())
       ON CONFLICT (scope, key) DO UPDATE
         SET units = EXCLUDED.units, status = EXCLUDED.status, response = EXCLUDED.response,
             completed_at = EXCLUDED.completed_at
         WHERE idempotency.attempt = EXCLUDED.attempt
       RETURNING 1`,
      [
        ref.scope,
        ref.key,
        ref.requestHash,
        attempt.id,
        [...attempt.units],
        response.status,
        JSON.stringify({ body: response.body ?? null, etag: response.etag }),
      ],
    );
    return rows.length === 1;
  }
}

/**
 * Inside an append's transaction: adds the append to its attempt's key record, creating it. A
 * record of another attempt (a concurrent duplicate that committed first; Postgres makes this
 * insert wait for it) throws {@link IdempotencyKeyTakenError}, rolling this transaction back.
 */
export function recordWrite(
  m: EntityManager,
  attempt: IdempotencyAttempt,
  write: RecordedWrite,
): Promise<void> {
  return recordWrites(m, attempt, [write]);
}

/**
 * {@link recordWrite} for a write of many streams in one statement (medical-aid's bulk
 * enrollment). With no writes it still takes the key, so a duplicate that found nothing left to
 * do rolls back and replays the attempt that did it.
 */
export async function recordWrites(
  m: EntityManager,
  attempt: IdempotencyAttempt,
  writes: readonly RecordedWrite[],
): Promise<void> {
  const ref = keyOf(attempt);
  const outcome = JSON.stringify(writes.map((w) => ({ streamId: w.streamId, version: w.version })));
  const rows: unknown[] = await m.query(
    `INSERT INTO idempotency (scope, key, request_hash, attempt, units, outcome)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb)
     ON CONFLICT (scope, key) DO UPDATE
       SET outcome = idempotency.outcome || EXCLUDED.outcome, units = EXCLUDED.units
       WHERE idempotency.attempt = EXCLUDED.attempt
     RETURNING 1`,
    [ref.scope, ref.key, ref.requestHash, attempt.id, [...attempt.units], outcome],
  );
  if (rows.length === 0) throw new IdempotencyKeyTakenError(ref.scope, ref.key);
}

function keyOf(attempt: IdempotencyAttempt): IdempotencyKeyRef {
  if (!attempt.key) throw new Error('an attempt without an Idempotency-Key records nothing');
  return attempt.key;
}
