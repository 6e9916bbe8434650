import { Injectable } from '@nestjs/common';

/** The answer of one readiness check. `detail` should help an operator (lag, error message). */
export interface CheckResult {
  readonly ok: boolean;
  readonly detail?: unknown;
}

/** A readiness check: "can this process serve traffic?" (database reachable, projections caught up). */
export type ReadinessCheck = () => Promise<CheckResult>;

/** The result of all checks. */
export interface Readiness {
  readonly ok: boolean;
  readonly checks: Readonly<Record<string, CheckResult>>;
}

/** How long one check may take before it counts as failed: a hung database must not hang /health/ready. */
export const CHECK_TIMEOUT_MS = 5_000;

/**
 * Where modules register their readiness checks by name (e.g. `database`, `kafka`,
 * `projection:cases`); `GET /health/ready` runs them all in parallel. A check that throws or
 * times out counts as failed with the error message as detail.
 */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();

  /** Adds (or replaces) the check `name`. */
  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  async check(timeoutMs = CHECK_TIMEOUT_MS): Promise<Readiness> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]) => [name, await run(check, timeoutMs)] as const),
    );
    return { ok: entries.every(([, result]) => result.ok), checks: Object.fromEntries(entries) };
  }
}

async function run(check: ReadinessCheck, timeoutMs: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, detail: `no answer within ${timeoutMs} ms` }), timeoutMs);
    timer.unref();
  });
  try {
    return await Promise.race([check(), timeout]);
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
