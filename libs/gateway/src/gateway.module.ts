import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@union/platform';
import { DevTokenController } from './auth/dev-token.controller';
import { GATEWAY_SETTINGS } from './gateway.di-tokens';
import type { GatewaySettings } from './gateway.settings';
import { UpstreamHealth } from './health/upstream-health';
import { ProxyController } from './proxy/proxy.controller';
import { ProxyService } from './proxy/proxy.service';

/** The single HTTP entry: auth, dev tokens, routing to the services, aggregated readiness. */
@Module({})
export class GatewayModule {
  static register(settings: GatewaySettings): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        PlatformModule.forRoot({
          service: 'gateway',
          auth: { jwtSecret: settings.jwtSecret, jwksUrl: settings.jwksUrl },
          logLevel: settings.logLevel,
        }),
      ],
      controllers: [DevTokenController, ProxyController],
      providers: [{ provide: GATEWAY_SETTINGS, useValue: settings }, ProxyService, UpstreamHealth],
    };
  }
}
