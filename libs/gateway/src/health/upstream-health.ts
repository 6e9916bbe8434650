import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { HealthRegistry, type ReadinessStatus } from '@union/platform';
import { GATEWAY_SETTINGS } from '../gateway.di-tokens';
import type { GatewaySettings, UpstreamName } from '../gateway.settings';
import { UpstreamFailure, UpstreamHttp } from '../proxy/upstream-http';

/** How long the gateway waits for one replica's readiness. */
export const REPLICA_READINESS_TIMEOUT_MS = 2_000;

/** One replica as the gateway saw it; `replica` is its place in `<SERVICE>_URL`, from 1. */
export interface ReplicaReadiness {
  replica: number;
  status: ReadinessStatus | 'unreachable';
  /** The checks that failed there, by name. */
  failing?: string[];
}

/** A service over its replicas: `ok` all ok, `unavailable` none ready, else `degraded`. */
export interface ServiceReadiness {
  status: ReadinessStatus;
  replicas: ReplicaReadiness[];
}

/**
 * The gateway's readiness (apps/gateway/README.md, "Readiness"). It can serve while at least
 * one service has a ready replica: the required check `services`. Each service is a check of
 * its own that is not required, failing unless every replica answered `ok`, so a service or
 * replica that is down, or degraded (its broker away), makes the gateway `degraded`, still 200:
 * other gateways see the same services, so taking this one out of routing would help nobody.
 * Replicas are named by position, not URL: the endpoint is public.
 */
@Injectable()
export class UpstreamHealth implements OnModuleInit, OnModuleDestroy {
  private readonly http = new UpstreamHttp();
  private round: Promise<Record<string, ServiceReadiness>> | null = null;

  constructor(
    private readonly health: HealthRegistry,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  onModuleInit(): void {
    const names = Object.keys(this.settings.upstreams) as UpstreamName[];
    for (const name of names) {
      this.health.register(
        name,
        async () => {
          const service = (await this.probeAll())[name];
          return { ok: service.status === 'ok', detail: service };
        },
        { required: false },
      );
    }
    this.health.register('services', async () => {
      const all = await this.probeAll();
      const serving = names.filter((n) => all[n].status !== 'unavailable');
      return { ok: serving.length > 0, detail: { serving: serving.length, of: names.length } };
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.http.close();
  }

  /** Every replica of every service once per readiness probe, however many checks ask. */
  private probeAll(): Promise<Record<string, ServiceReadiness>> {
    this.round ??= Promise.all(
      Object.entries(this.settings.upstreams).map(
        async ([name, urls]) =>
          [name, summarise(await Promise.all(urls.map((u, i) => this.probe(u, i + 1))))] as const,
      ),
    )
      .then(Object.fromEntries)
      .finally(() => {
        this.round = null;
      });
    return this.round;
  }

  private async probe(baseUrl: string, replica: number): Promise<ReplicaReadiness> {
    try {
      const answer = await this.http.send(`${baseUrl}/health/ready`, {
        method: 'GET',
        headers: {},
        timeoutMs: REPLICA_READINESS_TIMEOUT_MS,
      });
      const body = JSON.parse(answer.body.toString('utf8') || 'null') as {
        status?: unknown;
        checks?: Record<string, { ok?: boolean }>;
      } | null;
      const failing = Object.entries(body?.checks ?? {})
        .filter(([, check]) => check.ok !== true)
        .map(([check]) => check);
      const status =
        answer.status !== 200
          ? 'unavailable'
          : body?.status === 'ok' && failing.length === 0
            ? 'ok'
            : 'degraded';
      return { replica, status, ...(failing.length > 0 && { failing }) };
    } catch (error) {
      if (error instanceof UpstreamFailure || error instanceof SyntaxError)
        return { replica, status: 'unreachable' };
      throw error;
    }
  }
}

function summarise(replicas: ReplicaReadiness[]): ServiceReadiness {
  const ready = replicas.filter((r) => r.status === 'ok' || r.status === 'degraded');
  const status =
    ready.length === 0 ? 'unavailable' : replicas.every((r) => r.status === 'ok') ? 'ok' : 'degraded';
  return { status, replicas };
}
