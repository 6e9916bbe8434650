import { Controller, Get, Header, Inject } from '@nestjs/common';
import { Public } from '@union/platform';
import { GATEWAY_SETTINGS } from '../gateway.di-tokens';
import type { GatewaySettings } from '../gateway.settings';
import type { ConsoleOidcSettings } from './console-sign-in.settings';

/** What `GET /api/v1/auth/config` answers: how the console may sign people in. */
export interface AuthConfigAnswer {
  /** The development personas (`POST /api/v1/auth/dev-token`) are offered: embedded default only. */
  readonly devLogin: boolean;
  /** OpenID Connect sign-in (code + PKCE) at the identity provider the gateway trusts, when configured. */
  readonly oidc?: ConsoleOidcSettings;
}

/** Tells the console, before anyone is signed in, which sign-in to offer. Public, and holds no secret. */
@Controller('api/v1/auth')
export class AuthConfigController {
  constructor(@Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings) {}

  @Public()
  @Get('config')
  @Header('Cache-Control', 'no-cache')
  config(): AuthConfigAnswer {
    const { devLogin, consoleOidc } = this.settings;
    return consoleOidc ? { devLogin, oidc: consoleOidc } : { devLogin };
  }
}
