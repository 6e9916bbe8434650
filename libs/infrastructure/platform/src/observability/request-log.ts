import { maskIdNumbersInUrl } from '@union/kernel';

/** Log levels, most to least severe; `silent` logs nothing. */
export const LOG_LEVELS = ['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A level name from configuration, or `info` when absent or unknown. */
export function parseLogLevel(value: string | undefined): LogLevel {
  const level = value?.trim().toLowerCase();
  return (LOG_LEVELS as readonly string[]).includes(level ?? '') ? (level as LogLevel) : 'info';
}

/** True when a line at `level` passes the configured `threshold`. */
export function isLevelEnabled(threshold: LogLevel, level: Exclude<LogLevel, 'silent'>): boolean {
  return threshold !== 'silent' && LOG_LEVELS.indexOf(level) <= LOG_LEVELS.indexOf(threshold);
}

/** One finished HTTP request, as logged. */
export interface RequestLogEntry {
  readonly service: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly durationMs: number;
  readonly correlationId: string;
  /** The client's own `x-correlation-id`, a reference only (see CorrelationMiddleware). */
  readonly clientCorrelationId?: string;
  readonly sub?: string;
}

/**
 * Writes one JSON line per request to stdout. Identity numbers in the path (`/people/{idNumber}`)
 * are masked, however the client encoded them: logs are kept longer and read by more people than
 * the data they describe.
 */
export function writeRequestLog(
  entry: RequestLogEntry,
  write: (line: string) => void = (l) => process.stdout.write(l),
): void {
  const line = {
    time: new Date().toISOString(),
    level: entry.status >= 500 ? 'error' : 'info',
    msg: 'request',
    service: entry.service,
    method: entry.method,
    path: maskIdNumbersInUrl(entry.path),
    status: entry.status,
    durationMs: entry.durationMs,
    correlationId: entry.correlationId,
    clientCorrelationId: entry.clientCorrelationId,
    sub: entry.sub,
  };
  write(`${JSON.stringify(line)}\n`);
}
