import { Controller, Get, Header, Inject } from '@nestjs/common';
import { MetricsReader, Public } from './auth/auth.decorators';
import { HealthRegistry, type CheckResult, type ReadinessStatus } from './health/health.registry';
import { MetricsRegistry } from './metrics/metrics.registry';
import { PLATFORM_OPTIONS, type PlatformOptions } from './platform.options';
import { ProblemException } from './problem/problem.exception';

/**
 * Operations endpoints every process serves (API.md "Operations"): liveness and readiness (the
 * registered checks), public for probes, and Prometheus metrics for the holder of the metrics
 * token. Apps with a global prefix should exclude `health/*` and `metrics` from it so probes use
 * the same paths everywhere.
 */
@Controller()
export class PlatformController {
  constructor(
    private readonly health: HealthRegistry,
    private readonly metrics: MetricsRegistry,
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformOptions,
  ) {}

  /** The process is up; says nothing about its dependencies (so an orchestrator won't restart it for them). */
  @Public()
  @Get('health/live')
  live(): { status: 'ok'; service: string } {
    return { status: 'ok', service: this.options.service };
  }

  /**
   * 200 when every required check passes (`status` `ok`, or `degraded` naming what else fails),
   * else a 503 problem naming the failing checks, with each check's result.
   */
  @Public()
  @Get('health/ready')
  async ready(): Promise<{
    status: ReadinessStatus;
    service: string;
    checks: Readonly<Record<string, CheckResult>>;
  }> {
    const readiness = await this.health.check();
    const { status, checks } = readiness;
    if (!readiness.ok) {
      const failing = Object.entries(checks)
        .filter(([, r]) => !r.ok)
        .map(([name]) => name);
      throw new ProblemException('SERVICE_UNAVAILABLE', `Not ready: ${failing.join(', ')}.`, {
        extra: { service: this.options.service, checks },
      });
    }
    return { status, service: this.options.service, checks };
  }

  @MetricsReader()
  @Get('metrics')
  @Header('Content-Type', MetricsRegistry.CONTENT_TYPE)
  @Header('Cache-Control', 'no-store')
  scrape(): string {
    return this.metrics.expose();
  }
}
