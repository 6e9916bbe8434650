import {
  Global,
  Inject,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { HealthRegistry, PlatformModule } from '@union/platform';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { DATA_SOURCE, EVENT_STORE, SERVICE_INFRA, SERVICE_SETTINGS } from './runtime.di-tokens';
import type { ServiceSettings } from './service-definition';
import type { ServiceInfra } from './service-infra';

/**
 * Hands the service's infrastructure to Nest (tokens), registers its readiness checks and runs
 * the outbox relay for the life of the app.
 */
@Global()
@Module({})
export class RuntimeModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(SERVICE_INFRA) private readonly infra: ServiceInfra,
    private readonly health: HealthRegistry,
  ) {}

  static forRoot(infra: ServiceInfra, settings: ServiceSettings): DynamicModule {
    return {
      module: RuntimeModule,
      providers: [
        { provide: SERVICE_INFRA, useValue: infra },
        { provide: SERVICE_SETTINGS, useValue: settings },
        { provide: DATA_SOURCE, useValue: infra.dataSource },
        { provide: EVENT_STORE, useValue: infra.store },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
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
    relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.infra.relay.stop();
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
    auth: { jwtSecret: settings.jwtSecret, jwksUrl: settings.jwksUrl },
    logLevel: settings.logLevel,
  });
}
