import { HttpException } from '@nestjs/common';
import { DomainError, type ErrorCode } from '@union/kernel';
import { pathOf, type PlatformRequest } from '../http/http-types';
import { problemBody, type ProblemBody } from './problem-body';
import { ProblemException } from './problem.exception';

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

/** The body of a 500: says nothing about the cause, but gives the id to quote when reporting it. */
export function internalProblem(correlationId: string | undefined): MappedProblem {
  const quote =
    correlationId === undefined ? '' : ` If it keeps happening, report correlation id ${correlationId}.`;
  const detail = `Something went wrong on our side; nothing was changed by this request.${quote}`;
  return {
    body: problemBody({ code: 'INTERNAL', detail, extra: { correlationId } }),
    headers: {},
    unexpected: true,
  };
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
  return internalProblem(correlationId);
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
  if (status >= 500) return internalProblem(correlationId);
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
