import { HttpException } from '@nestjs/common';
import type { ErrorCode, FieldError } from '@union/kernel';
import { problemBody, type ProblemBody } from './problem-body';

/** Optional parts of a {@link ProblemException}. */
export interface ProblemOptions {
  readonly status?: number;
  readonly title?: string;
  readonly errors?: readonly FieldError[];
  /** Extra top-level members of the body, e.g. `{ existingCaseId }` or `{ checks }`. */
  readonly extra?: Readonly<Record<string, unknown>>;
  /** Response headers to send with it, e.g. `WWW-Authenticate` on a 401. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly cause?: unknown;
}

/**
 * An HTTP error that already knows its problem body. Throw it from controllers, guards and pipes
 * for transport-level refusals; domain code throws `DomainError` instead. It extends Nest's
 * HttpException so even an app without {@link ProblemFilter} answers with the right status.
 */
export class ProblemException extends HttpException {
  readonly body: ProblemBody;
  readonly headers: Readonly<Record<string, string>>;

  constructor(code: ErrorCode, detail: string, options: ProblemOptions = {}) {
    const body = problemBody({ code, detail, ...options });
    super(body, body.status, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ProblemException';
    this.body = body;
    this.headers = options.headers ?? {};
  }

  get code(): ErrorCode {
    return this.body.code;
  }
}
