import { randomUUID } from 'node:crypto';
import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { maskIdNumbersInUrl } from '@union/kernel';
import { CORRELATION_HEADER } from '../observability/correlation.middleware';
import { currentCorrelationId } from '../observability/request-context';
import { pathOf, type PlatformRequest, type PlatformResponse } from '../http/http-types';
import { PROBLEM_CONTENT_TYPE } from './problem-body';
import { toProblem } from './problem.mapper';

/**
 * The global exception filter: every error of an HTTP request leaves as
 * `application/problem+json` (see {@link toProblem} for the mapping). Unexpected errors are
 * logged with their stack and answered with a 500 that reveals nothing but the correlation id.
 * Outside HTTP (Kafka handlers) the error is passed on untouched, for the transport's retry/DLQ.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() !== 'http') return throwError(() => exception);
    const http = host.switchToHttp();
    sendProblem(exception, http.getRequest<PlatformRequest>(), http.getResponse<PlatformResponse>());
  }
}

const logger = new Logger('ProblemFilter');

/**
 * Answers `req` with the problem for `exception`: what the filter does for Nest's routes, and what
 * the gateway's forwarding handler (plain node:http, outside Nest) does for its own.
 */
export function sendProblem(exception: unknown, req: PlatformRequest, res: PlatformResponse): void {
  // Body-parser errors happen before the correlation middleware runs, so the id may be missing:
  // then a new one (never the caller's header, see CorrelationMiddleware).
  const correlationId =
    currentCorrelationId() ?? headerValue(res.getHeader(CORRELATION_HEADER)) ?? randomUUID();
  const problem = toProblem(exception, req, correlationId);
  if (problem.unexpected) {
    const stack = exception instanceof Error ? exception.stack : undefined;
    const where = `${req.method ?? ''} ${maskIdNumbersInUrl(pathOf(req))}`;
    logger.error(
      `Unhandled error on ${where} (correlation id ${correlationId}): ${String(exception)}`,
      stack,
    );
  }
  if (res.headersSent) return; // a streamed response failed midway: nothing more can be sent
  // Written with Node's own API: Nest's adapter.reply() would reset the media type to application/json.
  for (const [name, value] of Object.entries(problem.headers)) res.setHeader(name, value);
  res.statusCode = problem.body.status;
  res.setHeader('Content-Type', PROBLEM_CONTENT_TYPE);
  res.setHeader(CORRELATION_HEADER, correlationId);
  res.end(JSON.stringify(problem.body));
}

function headerValue(value: number | string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
