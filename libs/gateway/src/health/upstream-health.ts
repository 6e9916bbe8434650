import { Injectable, type OnModuleInit, Inject } from '@nestjs/common';
import { HealthRegistry } from '@union/platform';
import { GATEWAY_SETTINGS } from '../gateway.di-tokens';
import type { GatewaySettings, UpstreamName } from '../gateway.settings';
import { ProxyService } from '../proxy/proxy.service';

/** The gateway is ready when every service says it is ready. */
@Injectable()
export class UpstreamHealth implements OnModuleInit {
  constructor(
    private readonly health: HealthRegistry,
    private readonly proxy: ProxyService,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  onModuleInit(): void {
    for (const name of Object.keys(this.settings.upstreams) as UpstreamName[]) {
      this.health.register(name, async () => {
        const answer = await this.proxy.getJson(name, '/health/ready');
        return { ok: answer.status === 200, detail: answer.body };
      });
    }
  }
}
