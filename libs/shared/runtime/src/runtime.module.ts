import {
  Global,
  Inject,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { Sealer } from '@union/event-store';
import { HealthRegistry, PlatformModule, type AuthConfig } from '@union/platform';
import { AccessLogInterceptor } from './audit/access-log.interceptor';
import { AuditController } from './audit/audit.controller';
import { AuditService } from './audit/audit.service';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { DATA_SOURCE, EVENT_STORE, SERVICE_INFRA, SERVICE_SETTINGS } from './runtime.di-tokens';
import type { AuthSettings, ServiceSettings } from './service-definition';
import type { ServiceInfra } from './service-infra';

/**
 * Hands the service's infrastructure to Nest (tokens), registers its readiness checks, serves
 * the audit routes (recording auditors' reads), and runs the outbox relay and the log's sealer
 * for the life of the app.
 */
@Global()
@Module({})
export class RuntimeModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly sealer: Sealer;

  constructor(
    @Inject(SERVICE_INFRA) private readonly infra: ServiceInfra,
    @Inject(SERVICE_SETTINGS) settings: ServiceSettings,
    private readonly health: HealthRegistry,
  ) {
    this.sealer = new Sealer(infra.dataSource, { intervalMs: settings.sealIntervalMs ?? 30_000 });
  }

  static forRoot(infra: ServiceInfra, settings: ServiceSettings): DynamicModule {
    return {
      module: RuntimeModule,
      providers: [
        { provide: SERVICE_INFRA, useValue: infra },
        { provide: SERVICE_SETTINGS, useValue: settings },
        { provide: DATA_SOURCE, useValue: infra.dataSource },
        { provide: EVENT_STORE, useValue: infra.store },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_INTERCEPTOR, useClass: AccessLogInterceptor },
        AuditService,
      ],
      controllers: [AuditController],
      exports: [SERVICE_INFRA, SERVICE_SETTINGS, DATA_SOURCE, EVENT_STORE],
    };
  }

  onApplicationBootstrap(): void {
    const { dataSource, relay } = this.infra;
    this.health.register('database', async () => {
      await dataSource.query('SELECT 1');
      return { ok: true };
    });
    this.health.register('relay', async () => {
      const status = relay.status();
      const lag = await this.relayLag();
      return {
        ok: status.running && !status.lastError,
        detail: { ...status, lag, transport: this.infra.messaging },
      };
    });
    this.health.register('seals', () => {
      const status = this.sealer.status();
      // Informative only: a failed seal is retried next interval, and the service keeps serving.
      return Promise.resolve({ ok: true, detail: status });
    });
    relay.start();
    this.sealer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.infra.relay.stop();
    // Seals what committed since the last seal, so a clean stop leaves no unsealed tail.
    await this.sealer.stop();
  }

  /** Events committed but not yet published: what the relay still has to do. */
  private async relayLag(): Promise<number> {
    const rows: { lag: string }[] = await this.infra.dataSource.query(
      `SELECT count(*) AS lag FROM events e
       WHERE (e.transaction_id, e.global_position) >
         coalesce((SELECT (c.transaction_id, c.global_position) FROM checkpoints c WHERE c.subscription = $1),
                  ('0'::xid8, 0::bigint))`,
      [`relay:${this.infra.definition.publishes}`],
    );
    return Number(rows[0]?.lag ?? 0);
  }
}

/** The platform (auth, problems, validation, health, metrics) as every service configures it. */
export function platformFor(settings: ServiceSettings): DynamicModule {
  return PlatformModule.forRoot({
    service: settings.service,
    auth: authConfigOf(settings),
    gatewayPublicKey: settings.gatewayPublicKey,
    metricsToken: settings.metricsToken,
    logLevel: settings.logLevel,
  });
}

/** The token verification of {@link AuthSettings}, every field wired (gateway and services). */
export function authConfigOf(settings: AuthSettings): AuthConfig {
  const { jwtSecret, jwksUrl, issuer, audience, maxTokenAgeSeconds } = settings;
  return { jwtSecret, jwksUrl, issuer, audience, maxTokenAgeSeconds };
}
