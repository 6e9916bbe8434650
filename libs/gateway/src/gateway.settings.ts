import type { KeyObject } from 'node:crypto';
import { resolve } from 'node:path';
import { loadConfig, parseLogLevel, type LogLevel } from '@union/platform';
import { loadAuthSettings, type AuthSettings } from '@union/runtime';
import { assertionKeyFrom } from './auth/assertion-key';
import { loadConsoleOidc, type ConsoleOidcSettings } from './auth/console-sign-in.settings';
import { upstreamUrls } from './proxy/upstream-pool';

/** Where each service is and how the gateway talks to it. */
export interface GatewaySettings extends AuthSettings {
  port: number;
  /** Each service's replicas: base URLs, called in turn (`UpstreamPool`). */
  upstreams: Record<UpstreamName, string[]>;
  /** Signs the assertion of every call to a service (`GATEWAY_ASSERTION_PRIVATE_KEY`). */
  assertionKey: KeyObject;
  devLogin: boolean;
  /** The console's OpenID Connect sign-in (`OIDC_CLIENT_ID`, `OIDC_SCOPE`); none: not offered. */
  consoleOidc?: ConsoleOidcSettings;
  /** A service that has not answered by then gets a 503, never a hang. */
  upstreamTimeoutMs: number;
  bodyLimitBytes: number;
  /** Requests one user (token `sub`, or IP without a valid token) may make per minute. */
  rateLimitPerMinute: number;
  logLevel: LogLevel;
  /** The built console served at `/` (`CONSOLE_DIR`, default `apps/console/dist`); none there: no console. */
  consoleDir: string;
}

export type UpstreamName = 'hardship-cases' | 'education-grants' | 'medical-aid' | 'organisation';

/**
 * The gateway's settings from the environment, validated at boot. Outside the embedded default
 * dev login is refused, and the token settings pass the production guards (`loadAuthSettings`).
 */
export function loadGatewaySettings(env: NodeJS.ProcessEnv = process.env, embedded = false): GatewaySettings {
  const c = loadConfig(
    {
      GATEWAY_PORT: { type: 'int', default: 3000 },
      // Comma-separated: one base URL per replica.
      HARDSHIP_CASES_URL: { type: 'list', required: !embedded },
      EDUCATION_GRANTS_URL: { type: 'list', required: !embedded },
      MEDICAL_AID_URL: { type: 'list', required: !embedded },
      ORGANISATION_URL: { type: 'list', required: !embedded },
      AUTH_DEV_LOGIN: { type: 'bool' },
      UPSTREAM_TIMEOUT_MS: { type: 'int', default: 10000 },
      GATEWAY_BODY_LIMIT_BYTES: { type: 'int', default: 8 * 1024 * 1024 },
      RATE_LIMIT_PER_MINUTE: { type: 'int', default: 600, min: 1 },
      CONSOLE_DIR: { type: 'string', default: 'apps/console/dist' },
    },
    env,
    { embedded },
  );
  // Dev tokens need no password: only the embedded default (npm start, on loopback) offers them.
  if (c.AUTH_DEV_LOGIN === true && !embedded) {
    throw new Error('gateway: AUTH_DEV_LOGIN=true is refused outside the embedded default (npm start).');
  }
  const devLogin = c.AUTH_DEV_LOGIN ?? embedded;
  const auth = loadAuthSettings(env, embedded);
  if (devLogin && !auth.jwtSecret)
    throw new Error('gateway: AUTH_DEV_LOGIN=true needs JWT_SECRET to sign dev tokens.');
  const consoleOidc = loadConsoleOidc(env, auth);
  return {
    ...auth,
    assertionKey: assertionKeyFrom(env, embedded),
    port: c.GATEWAY_PORT,
    upstreams: {
      'hardship-cases': upstreamUrls('HARDSHIP_CASES_URL', c.HARDSHIP_CASES_URL),
      'education-grants': upstreamUrls('EDUCATION_GRANTS_URL', c.EDUCATION_GRANTS_URL),
      'medical-aid': upstreamUrls('MEDICAL_AID_URL', c.MEDICAL_AID_URL),
      organisation: upstreamUrls('ORGANISATION_URL', c.ORGANISATION_URL),
    },
    devLogin,
    ...(consoleOidc ? { consoleOidc } : {}),
    upstreamTimeoutMs: c.UPSTREAM_TIMEOUT_MS,
    bodyLimitBytes: c.GATEWAY_BODY_LIMIT_BYTES,
    rateLimitPerMinute: c.RATE_LIMIT_PER_MINUTE,
    logLevel: parseLogLevel(env.LOG_LEVEL),
    consoleDir: resolve(c.CONSOLE_DIR),
  };
}
