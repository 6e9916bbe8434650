import { Injectable } from '@nestjs/common';

/** The answer of one readiness check. `detail` should help an operator (lag, error message). */
export interface CheckResult {
  readonly ok: boolean;
  readonly detail?: unknown;
}

/** A readiness check: "can this process serve traffic?" (database reachable, projections caught up). */
export type ReadinessCheck = () => Promise<CheckResult>;

/**
 * `required` (the default): the process cannot serve requests while it fails (its database).
 * Not required: a failure degrades the service but it still serves (the broker away, the relay
 * behind), so an orchestrator keeps routing to it; the failure shows in the detail.
 */
export interface CheckOptions {
  readonly required?: boolean;
  /** This check's own time limit, when shorter than the registry's (a database should answer fast). */
  readonly timeoutMs?: number;
}

/**
 * `ok`: every check passes. `degraded`: a check that is not required fails; still ready.
 * `unavailable`: a required check fails; not ready.
 */
export type ReadinessStatus = 'ok' | 'degraded' | 'unavailable';

/** The result of all checks. */
export interface Readiness {
  /** Ready to serve: every required check passes. */
  readonly ok: boolean;
  readonly status: ReadinessStatus;
  readonly checks: Readonly<Record<string, CheckResult>>;
}

/** How long one check may take before it counts as failed: a hung database must not hang /health/ready. */
export const CHECK_TIMEOUT_MS = 5_000;

/**
 * Where modules register their readiness checks by name (e.g. `database`, `broker`, `relay`);
 * `GET /health/ready` runs them all in parallel. A check that throws or times out counts as
 * failed with the error message as detail.
 */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, { check: ReadinessCheck; options: CheckOptions }>();

  /** Adds (or replaces) the check `name`. */
  register(name: string, check: ReadinessCheck, options: CheckOptions = {}): void {
    this.checks.set(name, { check, options });
  }

  async check(timeoutMs = CHECK_TIMEOUT_MS): Promise<Readiness> {
    const entries = await Promise.all(
      [...this.checks].map(
        async ([name, { check, options }]) =>
          [
            name,
            await run(check, Math.min(timeoutMs, options.timeoutMs ?? timeoutMs)),
            options.required ?? true,
          ] as const,
      ),
    );
    const ok = entries.every(([, result, required]) => result.ok || !required);
    const allOk = entries.every(([, result]) => result.ok);
    return {
      ok,
      status: allOk ? 'ok' : ok ? 'degraded' : 'unavailable',
      checks: Object.fromEntries(entries.map(([name, result]) => [name, result])),
    };
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
