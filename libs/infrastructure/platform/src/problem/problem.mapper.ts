import { HttpException } from '@nestjs/common';
import { DomainError, type ErrorCode } from '@union/kernel';
import { pathOf, type PlatformRequest } from '../http/http-types';
import { problemBody, type ProblemBody } from './problem-body';
import { ProblemException } from './problem.exception';
import { isDatabaseUnavailable, WriteFailure, type WriteOutcome } from './write-failure';

/** What the filter sends for an exception, and whether it was unexpected (to be logged). */
export interface MappedProblem {
  readonly body: ProblemBody;
  readonly headers: Readonly<Record<string, string>>;
  readonly unexpected: boolean;
}

const CODE_BY_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  422: 'RULE_VIOLATION',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

function expected(body: ProblemBody, headers: Readonly<Record<string, string>> = {}): MappedProblem {
  return { body, headers, unexpected: false };
}

/**
 * The body of a 500: says nothing about the cause, but gives the id to quote when reporting it.
 * "Nothing was changed" only when that is known (a read, or a write that wrote nothing).
 */
export function internalProblem(
  correlationId: string | undefined,
  outcome: WriteOutcome = 'unchanged',
): MappedProblem {
  const quote =
    correlationId === undefined ? '' : ` If it keeps happening, report correlation id ${correlationId}.`;
  const what =
    outcome === 'unchanged'
      ? 'nothing was changed by this request.'
      : 'it is not known whether this request changed anything: look the record up before you retry.';
  return {
    body: problemBody({
      code: 'INTERNAL',
      detail: `Something went wrong on our side; ${what}${quote}`,
      extra: { correlationId },
    }),
    headers: {},
    unexpected: true,
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const RETRY_AFTER = { 'Retry-After': '5' };

/** What a failure of an unknown write leaves: a read changes nothing; a write may have committed. */
const outcomeOfMethod = (req: PlatformRequest): WriteOutcome =>
  SAFE_METHODS.has(req.method ?? 'GET') ? 'unchanged' : 'unknown';

/**
 * The database is away (503), or a write's outcome is not known (503 OUTCOME_UNKNOWN): the client
 * is told what happened to its request and how to go on, never "nothing was changed" unless so.
 */
function unavailableProblem(outcome: WriteOutcome, keyed: boolean, correlationId?: string): MappedProblem {
  const extra = { correlationId };
  if (outcome === 'unchanged') {
    const detail = 'The database cannot be reached just now; nothing was changed. Retry in a few seconds.';
    return {
      body: problemBody({ code: 'SERVICE_UNAVAILABLE', detail, extra }),
      headers: RETRY_AFTER,
      unexpected: true,
    };
  }
  const how = keyed
    ? 'Retry with the same Idempotency-Key: you get its outcome, and it is never carried out twice.'
    : 'Look the record up before you retry: a retry could carry it out twice. Send an Idempotency-Key with writes to retry safely.';
  const detail = `The service lost its database while handling this request, so it is not known whether it was carried out. ${how}`;
  return {
    body: problemBody({ code: 'OUTCOME_UNKNOWN', detail, extra }),
    headers: RETRY_AFTER,
    unexpected: true,
  };
}

/** An unexpected error: 503 when the database is away, else 500; worded by what is known of the write. */
function unexpectedProblem(exception: unknown, req: PlatformRequest, correlationId?: string): MappedProblem {
  const known = exception instanceof WriteFailure ? exception : undefined;
  // A write the idempotency layer did not see (no interceptor ran): its outcome is not known.
  const outcome = known?.outcome ?? outcomeOfMethod(req);
  if (isDatabaseUnavailable(known ? known.error : exception)) {
    return unavailableProblem(outcome, known?.keyed ?? false, correlationId);
  }
  return internalProblem(correlationId, outcome);
}

/**
 * Turns anything thrown while serving an HTTP request into a problem body: DomainError (status
 * from the code table), ProblemException, Nest HttpExceptions (including the 404 of an unknown
 * route and the 400 Nest makes of body-parser's SyntaxError), body-parser's own errors (413),
 * and, for anything else, a 500 that leaks nothing.
 */
export function toProblem(exception: unknown, req: PlatformRequest, correlationId?: string): MappedProblem {
  if (exception instanceof ProblemException) return expected(exception.body, exception.headers);
  if (exception instanceof DomainError) {
    return expected(
      problemBody({
        code: exception.code,
        detail: exception.message,
        errors: exception.errors,
        extra: exception.details,
      }),
    );
  }
  if (exception instanceof HttpException) return fromHttpException(exception, req, correlationId);
  const status = clientErrorStatusOf(exception);
  if (status !== undefined) return fromBodyParserError(exception as Error & Record<string, unknown>, status);
  return unexpectedProblem(exception, req, correlationId);
}

function fromHttpException(
  exception: HttpException,
  req: PlatformRequest,
  correlationId?: string,
): MappedProblem {
  const status = exception.getStatus();
  const message = messageOf(exception);
  // Nest's not-found handler throws exactly `Cannot <METHOD> <originalUrl>` when no route matched.
  // (req.route cannot tell: middleware bound with forRoutes() sets it to its own wildcard route.)
  if (status === 404 && exception.message === `Cannot ${req.method} ${req.originalUrl ?? req.url}`) {
    return expected(
      problemBody({ code: 'NOT_FOUND', detail: `There is no endpoint ${req.method ?? ''} ${pathOf(req)}.` }),
    );
  }
  // Before any route matched, Nest turns body-parser's SyntaxError and Express's URIError into a
  // bare BadRequestException carrying the parser's message; replace that with a useful sentence.
  if (status === 400 && req.route === undefined) {
    if (/JSON/.test(message))
      return expected(
        problemBody({ code: 'VALIDATION_FAILED', detail: 'The request body is not valid JSON.' }),
      );
    if (/URI malformed/i.test(message)) {
      return expected(
        problemBody({
          code: 'VALIDATION_FAILED',
          detail: 'The request path is not valid (bad percent-encoding).',
        }),
      );
    }
  }
  const code = CODE_BY_STATUS[status];
  if (code !== undefined) return expected(problemBody({ code, detail: message, status }));
  if (status >= 500) return internalProblem(correlationId, outcomeOfMethod(req));
  return expected(
    problemBody({ code: 'VALIDATION_FAILED', status, title: titleFromException(exception), detail: message }),
  );
}

function fromBodyParserError(error: Error & Record<string, unknown>, status: number): MappedProblem {
  if (status === 413) {
    const limit = typeof error.limit === 'number' ? ` of ${error.limit} bytes` : '';
    return expected(
      problemBody({
        code: 'PAYLOAD_TOO_LARGE',
        detail: `The request body is larger than the limit${limit}.`,
      }),
    );
  }
  const code = CODE_BY_STATUS[status] ?? 'VALIDATION_FAILED';
  return expected(problemBody({ code, status, detail: sentence(error.message) }));
}

/** The 4xx status of an error made by http-errors (body-parser, raw-body) that is safe to show. */
function clientErrorStatusOf(exception: unknown): number | undefined {
  if (!(exception instanceof Error)) return undefined;
  const e = exception as Error & { status?: unknown; statusCode?: unknown; expose?: unknown };
  const status = typeof e.status === 'number' ? e.status : e.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 && e.expose === true
    ? status
    : undefined;
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return sentence(response);
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return sentence(message);
  if (Array.isArray(message)) return message.map((m) => sentence(String(m))).join(' ');
  return sentence(exception.message);
}

function titleFromException(exception: HttpException): string {
  const error = (exception.getResponse() as { error?: unknown }).error;
  return typeof error === 'string' ? error : exception.name;
}

/** Capitalised, ending with a full stop, as every detail in this API. */
function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length === 0) return 'The request was refused.';
  const capital = trimmed[0].toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
