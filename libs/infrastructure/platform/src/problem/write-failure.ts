/**
 * What a failed HTTP write did, as far as the server can tell (docs/idempotency.md):
 * `unchanged` when nothing of it committed for sure, `unknown` when a commit may have happened.
 */
export type WriteOutcome = 'unchanged' | 'unknown';

/**
 * An unexpected error of a write, with what is known of its outcome: the problem mapper words the
 * answer by it, never claiming "nothing was changed" unless that is known.
 */
export class WriteFailure extends Error {
  constructor(
    readonly error: unknown,
    readonly outcome: WriteOutcome,
    /** The request carried an Idempotency-Key, so retrying with it is safe. */
    readonly keyed: boolean,
  ) {
    super(error instanceof Error ? error.message : String(error), { cause: error });
    this.name = 'WriteFailure';
    if (error instanceof Error && error.stack) this.stack = error.stack;
  }
}

const CONNECTION_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

// Postgres: class 08 (connection exception), 57P01-57P03 (admin/crash shutdown, cannot connect
// now), 53300 (too many connections). node-postgres and its pool say these in words only.
const SQLSTATE = /^(08...|57P0[123]|53300)$/;
const MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|not queryable|Cannot use a pool after calling end|Driver not Connected/i;

/**
 * True when `error` says the database could not be reached or the connection was lost (a 503, not
 * a 500). Looks through TypeORM's `driverError` and `cause` wrappers.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  const e = error as {
    code?: unknown;
    syscall?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
  };
  if (typeof e.code === 'string') {
    if (SQLSTATE.test(e.code) || CONNECTION_ERRNOS.has(e.code)) return true;
    // A unix socket (PGlite, a local server) that is gone.
    if (e.code === 'ENOENT' && e.syscall === 'connect') return true;
  }
  if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
  return isDatabaseUnavailable(e.driverError, depth + 1) || isDatabaseUnavailable(e.cause, depth + 1);
}
