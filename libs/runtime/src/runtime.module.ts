import {
  Global,
  Inject,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { Sealer } from '@union/event-store';
import { HealthRegistry, MetricsRegistry, PlatformModule, type AuthConfig } from '@union/platform';
import { AccessLogInterceptor } from './audit/access-log.interceptor';
import { AuditController } from './audit/audit.controller';
import { AuditService } from './audit/audit.service';
import { PrivacyController } from './privacy/privacy.controller';
import { PrivacyService } from './privacy/privacy.service';
import { Disclosure } from './privacy/disclosure';
import { PersonIdentities } from './privacy/person-identities';
import { ProcessingRecords, ProcessingRecordsController } from './privacy/processing-records';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { integrationConsumerProvider } from './consumers/integration-consumer.provider';
import { OrgScope } from './org/org-scope';
import { ORG_UNITS_CONSUMER } from './org/org-scope.di-tokens';
import { OrgUnitsConsumer } from './org/org-units.consumer';
import { ORG_UNITS_CONSUMER_NAME } from './org/org-units.projection';
import { DATA_SOURCE, EVENT_STORE, SERVICE_INFRA, SERVICE_SETTINGS } from './runtime.di-tokens';
import type { AuthSettings, ServiceSettings } from './service-definition';
import type { ServiceInfra } from './service-infra';
import { registerServiceHealth } from './service-health';

/**
 * Hands the service's infrastructure to Nest (tokens), registers its readiness checks, serves
 * the audit routes (recording auditors' reads), keeps the union's tree (`org_units`, from
 * `organisation.units.v1`) and offers `OrgScope` on it, and runs the outbox relay and the log's sealer
 * for the life of the app, each only while this replica is its leader.
 */
@Global()
@Module({})
export class RuntimeModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('RetentionSweep');
  private readonly sealer: Sealer;
  private sampler?: { stop(): void };
  private sweeper?: NodeJS.Timeout;

  constructor(
    @Inject(SERVICE_INFRA) private readonly infra: ServiceInfra,
    @Inject(SERVICE_SETTINGS) private readonly settings: ServiceSettings,
    private readonly health: HealthRegistry,
    private readonly metrics: MetricsRegistry,
    private readonly privacy: PrivacyService,
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
        PrivacyService,
        PersonIdentities,
        Disclosure,
        OrgScope,
        integrationConsumerProvider(ORG_UNITS_CONSUMER, ORG_UNITS_CONSUMER_NAME),
        // Records of processing (DOMAIN.md §5): this service's part of the gateway's report.
        ProcessingRecords,
      ],
      controllers: [AuditController, PrivacyController, OrgUnitsConsumer, ProcessingRecordsController],
      exports: [
        SERVICE_INFRA,
        SERVICE_SETTINGS,
        DATA_SOURCE,
        EVENT_STORE,
        OrgScope,
        PersonIdentities,
        Disclosure,
        PrivacyService,
      ],
    };
  }

  onApplicationBootstrap(): void {
    const { relay, leaders } = this.infra;
    this.sampler = registerServiceHealth(this.infra, this.sealer, this.health, this.metrics);
    leaders.relay.run({ start: () => relay.start(), stop: () => relay.stop() });
    leaders.sealer.run({
      start: () => this.sealer.start(),
      // On shutdown the leader seals what committed since the last seal, so a clean stop leaves
      // no unsealed tail; a replica that lost the lock leaves that to the new leader.
      stop: (reason) => this.sealer.stop({ finalSeal: reason === 'shutdown' }),
    });
    this.startRetentionSweep();
  }

  /**
   * Erasure when the retention date comes (docs/personal-information.md): every
   * `PRIVACY_SWEEP_INTERVAL_MS`, on every replica (an erasure is idempotent and takes the person's
   * lock, so two replicas sweeping at once erase each person once). Off when the interval is 0 or
   * unset, as in tests, which call `PrivacyService.sweep` themselves.
   */
  private startRetentionSweep(): void {
    const every = this.settings.privacySweepIntervalMs ?? 0;
    if (every <= 0 || !this.infra.definition.retention) return;
    let running = false;
    this.sweeper = setInterval(() => {
      if (running) return;
      running = true;
      this.privacy
        .sweep()
        .catch((error: unknown) => this.logger.error(`retention sweep failed: ${(error as Error).message}`))
        .finally(() => (running = false));
    }, every);
    this.sweeper.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sampler?.stop();
    await this.infra.leaders.relay.stop();
    await this.infra.leaders.sealer.stop();
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
