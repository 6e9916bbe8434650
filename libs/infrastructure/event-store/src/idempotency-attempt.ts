import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What identifies a keyed request: the key's scope (service and user), the key, the request's hash. */
export interface IdempotencyKeyRef {
  readonly scope: string;
  readonly key: string;
  readonly requestHash: string;
}

/**
 * One run of an HTTP write (docs/idempotency.md). The event store reads it from the async
 * context: every append notes that the request wrote, and with a key, records the key's outcome
 * in the append's own transaction, so "committed" and "key recorded" cannot part.
 */
export class IdempotencyAttempt {
  /** Tells this run's record from a concurrent duplicate's. */
  readonly id = randomUUID();
  /** The units the request was allowed to act for; a replay checks the caller still may. */
  readonly units = new Set<string>();
  private appended = false;

  constructor(readonly key: IdempotencyKeyRef | null) {}

  /** True once the request started an append: from then on its outcome is known only by looking. */
  get wrote(): boolean {
    return this.appended;
  }

  noteWrite(): void {
    this.appended = true;
  }
}

const attempts = new AsyncLocalStorage<IdempotencyAttempt>();

/** Runs `fn` (an HTTP write) as `attempt`: appends made during it join the attempt. */
export function runAttempt<T>(attempt: IdempotencyAttempt, fn: () => T): T {
  return attempts.run(attempt, fn);
}

/** Runs `fn` outside any attempt, e.g. a message consumer that must never join a request's key. */
export function outsideAttempts<T>(fn: () => T): T {
  return attempts.exit(fn);
}

/** The attempt of the request being served, if it is an HTTP write. */
export function currentAttempt(): IdempotencyAttempt | undefined {
  return attempts.getStore();
}
