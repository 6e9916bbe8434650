import type { DataSource } from 'typeorm';
import { sealLog, type Seal } from './seal';

export interface SealerOptions {
  /** How often to seal; 0 or less: never on a timer (only `sealNow` and on stop). */
  intervalMs: number;
  onSeal?: (seal: Seal) => void;
  onError?: (error: unknown) => void;
}

/**
 * Seals the log periodically for the life of a service, and once more when it stops, so the
 * window in which the newest events could be removed without a trace is at most one interval.
 * One sealer runs per service database: the runtime starts it on the replica holding the
 * sealer's leadership (`AdvisoryLockLeader`); `sealLog`'s transaction lock covers the moment
 * two might overlap.
 */
export class Sealer {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<Seal | null> | null = null;
  private lastError: unknown = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: SealerOptions,
  ) {}

  start(): void {
    if (this.timer || this.options.intervalMs <= 0) return;
    this.timer = setInterval(() => void this.sealNow().catch(() => undefined), this.options.intervalMs);
    // A pending seal must not keep a finished process alive.
    this.timer.unref();
  }

  /** Seals now (joining a seal already under way); errors are reported and rethrown. */
  async sealNow(): Promise<Seal | null> {
    this.running ??= sealLog(this.dataSource)
      .then((seal) => {
        this.lastError = null;
        if (seal) this.options.onSeal?.(seal);
        return seal;
      })
      .catch((error: unknown) => {
        this.lastError = error;
        this.options.onError?.(error);
        throw error;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  status(): { running: boolean; lastError: string | null } {
    const error = this.lastError;
    return {
      running: this.timer !== null,
      lastError: error === null ? null : error instanceof Error ? error.message : 'seal failed',
    };
  }

  /**
   * Stops the timer and, unless `finalSeal` is false, seals what committed meanwhile (graceful
   * shutdown). False when leadership was lost: the new leader seals.
   */
  async stop(options: { finalSeal?: boolean } = {}): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
    if (options.finalSeal === false) return;
    await this.sealNow().catch(() => undefined);
  }
}
