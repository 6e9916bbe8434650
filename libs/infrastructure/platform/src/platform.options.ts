import type { LogLevel } from './observability/request-log';

/** Options of `PlatformModule.forRoot`. */
export interface PlatformOptions {
  /** The service name, written on every log line (`hardship-cases`, `gateway`, ...). */
  readonly service: string;
  /** Threshold of the request log; `silent` turns it off. Default: `LOG_LEVEL` from the environment, else `info`. */
  readonly logLevel?: LogLevel;
}

/** DI token of the {@link PlatformOptions}. */
export const PLATFORM_OPTIONS = Symbol('PLATFORM_OPTIONS');
