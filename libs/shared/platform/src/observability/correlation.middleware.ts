import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { pathOf, type PlatformRequest, type PlatformResponse } from '../http/http-types';
import { PLATFORM_OPTIONS, type PlatformOptions } from '../platform.options';
import { requestContext } from './request-context';
import { isLevelEnabled, parseLogLevel, writeRequestLog } from './request-log';

/** Header carrying the correlation id in and out (and to Kafka as `correlation-id`). */
export const CORRELATION_HEADER = 'x-correlation-id';

// A caller's id is reused only when it is short and plain, so it cannot inject into logs or headers.
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Whether `value` could be a correlation id this platform uses (see {@link correlationIdFrom}). */
export function isAcceptableCorrelationId(value: unknown): value is string {
  return typeof value === 'string' && ACCEPTABLE_ID.test(value);
}

/** The caller's correlation id when acceptable, else a new UUID. */
export function correlationIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return isAcceptableCorrelationId(value) ? value : randomUUID();
}

/**
 * Gives each request a correlation id (the caller's `x-correlation-id`, or a new UUID), echoes it
 * in the response header, makes it available to all code of the request through
 * {@link requestContext}, and writes one JSON log line when the response is finished.
 */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  private readonly logRequests: boolean;

  constructor(@Inject(PLATFORM_OPTIONS) private readonly options: PlatformOptions) {
    this.logRequests = isLevelEnabled(options.logLevel ?? parseLogLevel(process.env.LOG_LEVEL), 'info');
  }

  use(req: PlatformRequest, res: PlatformResponse, next: () => void): void {
    const correlationId = correlationIdFrom(req.headers[CORRELATION_HEADER]);
    res.setHeader(CORRELATION_HEADER, correlationId);
    if (this.logRequests) {
      const started = process.hrtime.bigint();
      res.once('finish', () =>
        writeRequestLog({
          service: this.options.service,
          method: req.method ?? 'UNKNOWN',
          path: pathOf(req),
          status: res.statusCode,
          durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
          correlationId,
          sub: req.principal?.sub,
        }),
      );
    }
    requestContext.run({ correlationId }, next);
  }
}
