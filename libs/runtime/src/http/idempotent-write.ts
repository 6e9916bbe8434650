import { Logger } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { DomainError } from '@union/kernel';
import {
  IdempotencyAttempt,
  IdempotencyStore,
  requestHash,
  runAttempt,
  type IdempotencyKeyRef,
  type IdempotencyRecord,
} from '@union/event-store';
import { collectUnitsActedFor, isDatabaseUnavailable, WriteFailure, type Principal } from '@union/platform';
import type { OrgScope } from '../org/org-scope';
import { isExpectedError, replayedAnswer, type Replayed } from './replayed-answer';

/** One HTTP write as the idempotency layer sees it. */
export interface WriteRequest {
  /** The Idempotency-Key, or undefined. */
  key: string | undefined;
  method: string;
  path: string;
  body: unknown;
  /** The route's own status: what a replay answers with. */
  status: number;
  principal: Principal | undefined;
  res: ServerResponse;
}

/** How long a duplicate waits for the answer of a write that committed a moment ago. */
const ANSWER_WAIT_MS = 2_000;
const ANSWER_POLL_MS = 50;
const LOOKUP_TRIES = 3;
const LOOKUP_BACKOFF_MS = 100;

const logger = new Logger('Idempotency');

/**
 * Runs HTTP writes so their answers are true (docs/idempotency.md): a key's record commits with
 * the command's own events; a retry gets the stored answer (re-authorised) or a fresh decision;
 * a failure says "nothing was changed" only when that is known.
 */
export class IdempotentWrites {
  constructor(
    private readonly keys: IdempotencyStore,
    private readonly service: string,
    /** Re-authorises a replay's units against the tree as it is now (a move may have changed them). */
    private readonly orgScope: Pick<OrgScope, 'assertUnit'>,
  ) {}

  async run(request: WriteRequest, handler: () => Promise<unknown>): Promise<unknown> {
    if (request.key === undefined) return this.unkeyed(handler);
    const ref: IdempotencyKeyRef = {
      scope: `${this.service}:${request.principal?.sub ?? 'anonymous'}`,
      key: request.key,
      requestHash: requestHash({ method: request.method, path: request.path, body: request.body ?? null }),
    };
    let known: IdempotencyRecord | null;
    try {
      known = await this.lookup(ref);
    } catch (error) {
      throw new WriteFailure(error, 'unchanged', true);
    }
    if (known) return this.replay(known, ref, request);
    const attempt = new IdempotencyAttempt(ref);
    let body: unknown;
    try {
      body = await this.attempt(attempt, handler);
    } catch (error) {
      return this.afterFailure(attempt, ref, error, request);
    }
    await this.keep(attempt, request, body);
    return body;
  }

  private attempt(attempt: IdempotencyAttempt, handler: () => Promise<unknown>): Promise<unknown> {
    return collectUnitsActedFor(attempt.units, () => runAttempt(attempt, handler));
  }

  private async unkeyed(handler: () => Promise<unknown>): Promise<unknown> {
    const attempt = new IdempotencyAttempt(null);
    try {
      return await this.attempt(attempt, handler);
    } catch (error) {
      if (isExpectedError(error)) throw error;
      throw new WriteFailure(error, attempt.wrote ? 'unknown' : 'unchanged', false);
    }
  }

  /** Records the answer after the commit. Failing that, the answer is still true: it is sent. */
  private async keep(attempt: IdempotencyAttempt, request: WriteRequest, body: unknown): Promise<void> {
    const etag = request.res.getHeader('ETag');
    try {
      await this.keys.complete(attempt, {
        status: request.status,
        body,
        etag: typeof etag === 'string' ? etag : undefined,
      });
    } catch (error) {
      logger.warn(
        `The answer for Idempotency-Key ${attempt.key?.key} was not recorded (${String(error)}); ` +
          'a retry with the key gets the committed writes instead.',
      );
    }
  }

  /**
   * The handler failed. The key's record is committed with the writes, so looking it up tells
   * what happened: ours (committed, then failed), another attempt's (replay it), or none.
   */
  private async afterFailure(
    attempt: IdempotencyAttempt,
    ref: IdempotencyKeyRef,
    error: unknown,
    request: WriteRequest,
  ): Promise<unknown> {
    let record: IdempotencyRecord | null;
    try {
      record = await this.lookup(ref);
    } catch {
      if (isExpectedError(error)) throw error;
      throw new WriteFailure(error, attempt.wrote ? 'unknown' : 'unchanged', true);
    }
    if (record?.attempt === attempt.id) {
      logger.error(
        `A write committed, then failed before answering: ${String(error)}`,
        (error as Error)?.stack,
      );
      return this.send(replayedAnswer(record), request.res);
    }
    if (record) return this.replay(record, ref, request);
    if (isExpectedError(error)) throw error;
    // A lost connection may hide a COMMIT the server is still finishing: not known until a retry.
    const outcome = attempt.wrote && isDatabaseUnavailable(error) ? 'unknown' : 'unchanged';
    throw new WriteFailure(error, outcome, true);
  }

  /** The stored answer, to a caller who may still make this write now (roles: the guard). */
  private async replay(
    record: IdempotencyRecord,
    ref: IdempotencyKeyRef,
    request: WriteRequest,
  ): Promise<unknown> {
    if (record.requestHash !== ref.requestHash) {
      throw new DomainError(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was used for a different request.',
      );
    }
    for (const unit of record.units) await this.orgScope.assertUnit(request.principal ?? { units: [] }, unit);
    let current = record;
    // A duplicate racing a write that has just committed: its answer is a moment away.
    for (
      let waited = 0;
      !current.response && record.ageMs + waited < ANSWER_WAIT_MS;
      waited += ANSWER_POLL_MS
    ) {
      await sleep(ANSWER_POLL_MS);
      current = (await this.keys.find(ref.scope, ref.key).catch(() => null)) ?? current;
    }
    return this.send(replayedAnswer(current), request.res);
  }

  /**
   * The key's record. A pool may hand out a connection the failure just broke: a lost connection
   * is retried on a fresh one before the outcome is called unknown.
   */
  private async lookup(ref: IdempotencyKeyRef): Promise<IdempotencyRecord | null> {
    for (let tries = 1; ; tries++) {
      try {
        return await this.keys.find(ref.scope, ref.key);
      } catch (error) {
        if (tries >= LOOKUP_TRIES || !isDatabaseUnavailable(error)) throw error;
        await sleep(LOOKUP_BACKOFF_MS * tries);
      }
    }
  }

  private send(answer: Replayed, res: ServerResponse): unknown {
    for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
    return answer.body;
  }
}
