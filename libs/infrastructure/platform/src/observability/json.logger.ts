import type { LoggerService } from '@nestjs/common';
import { maskIdNumbersIn, maskIdNumbersInUrl } from '@union/kernel';
import { currentCorrelationId } from './request-context';
import { isLevelEnabled, parseLogLevel, type LogLevel } from './request-log';

type Level = Exclude<LogLevel, 'silent'>;

/**
 * Nest's logger as JSON lines on stdout (`{ time, level, service, context, msg, correlationId,
 * stack? }`), so log shippers need no parsing rules. Identity numbers in the message and the stack
 * are masked, encoded or not (a message may quote a URL). Use it with
 * `NestFactory.create(AppModule, { logger: new JsonLogger('hardship-cases', level) })`.
 */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly service: string,
    private readonly threshold: LogLevel = parseLogLevel(process.env.LOG_LEVEL),
    private readonly write: (line: string) => void = (line) => process.stdout.write(line),
  ) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.emit('info', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    // Nest calls error(message, stack, context); a lone extra argument may be either.
    const [stack, context] = rest.length >= 2 ? rest : [undefined, rest[0]];
    this.emit('error', message, context === undefined ? [] : [context], stack);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.emit('warn', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.emit('verbose', message, rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.emit('fatal', message, rest);
  }

  private emit(level: Level, message: unknown, rest: unknown[], stack?: unknown): void {
    if (!isLevelEnabled(this.threshold, level)) return;
    // Nest passes the context (logger name) as the last argument.
    const context =
      rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? rest[rest.length - 1] : undefined;
    const line = {
      time: new Date().toISOString(),
      level,
      service: this.service,
      context,
      msg: masked(message instanceof Error ? message.message : message),
      correlationId: currentCorrelationId(),
      stack: masked(typeof stack === 'string' ? stack : message instanceof Error ? message.stack : undefined),
    };
    this.write(`${JSON.stringify(line)}\n`);
  }
}

/** A message or stack with identity numbers masked; objects by their JSON text. */
function masked(value: unknown): unknown {
  if (typeof value === 'string') return maskIdNumbersInUrl(value);
  if (value === null || typeof value !== 'object') return value;
  try {
    return JSON.parse(maskIdNumbersIn(JSON.stringify(value))) as unknown;
  } catch {
    return '[a message that is not JSON]';
  }
}
