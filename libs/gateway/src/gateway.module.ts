import {
  Module,
  RequestMethod,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { PlatformModule } from '@union/platform';
import { authConfigOf } from '@union/runtime';
import { ApprovalsController } from './approvals/approvals.controller';
import { ApprovalsInboxService } from './approvals/approvals-inbox';
import { AuditTrail } from './audit/audit-trail';
import { AuditController } from './audit/audit.controller';
import { AuthConfigController } from './auth/auth-config.controller';
import { DevTokenController } from './auth/dev-token.controller';
import { GATEWAY_SETTINGS } from './gateway.di-tokens';
import type { GatewaySettings } from './gateway.settings';
import { UpstreamHealth } from './health/upstream-health';
import { PeopleController } from './people/people.controller';
import { PrivacyController } from './privacy/privacy.controller';
import { ProcessingRecordsController } from './privacy/processing-records.controller';
import { PersonViewService } from './people/person-view';
import { ForwardingHandler } from './proxy/forwarding-handler';
import { ProxyService } from './proxy/proxy.service';
import { UnitPaths } from './routing/unit-paths';
import { RateLimitMiddleware } from './rate-limit/rate-limit.middleware';

/**
 * The single HTTP entry: auth, the route table's roles, rate limits, sign-in config and dev tokens,
 * routing to the services, the composed people view and approvals inbox, the audit timeline and
 * trace, and aggregated readiness.
 */
@Module({})
export class GatewayModule implements NestModule {
  static register(settings: GatewaySettings): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        PlatformModule.forRoot({
          service: 'gateway',
          auth: authConfigOf(settings),
          metricsToken: settings.metricsToken,
          logLevel: settings.logLevel,
        }),
      ],
      // The forwarded routes are served by ForwardingHandler, in front of Nest (create-gateway-app).
      controllers: [AuthConfigController, DevTokenController, PeopleController, PrivacyController, ProcessingRecordsController, AuditController, ApprovalsController],
      providers: [
        { provide: GATEWAY_SETTINGS, useValue: settings },
        ProxyService,
        {
          provide: UnitPaths,
          inject: [ProxyService],
          useFactory: (proxy: ProxyService) => new UnitPaths(proxy),
        },
        PersonViewService,
        ApprovalsInboxService,
        AuditTrail,
        UpstreamHealth,
        RateLimitMiddleware,
        ForwardingHandler,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RateLimitMiddleware).forRoutes({ path: '*path', method: RequestMethod.ALL });
  }
}
