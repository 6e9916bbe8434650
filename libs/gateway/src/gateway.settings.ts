import { assertStrongSecret, loadConfig, parseLogLevel, type LogLevel } from '@union/platform';
import { EMBEDDED_DEV_SECRETS } from '@union/runtime';
import { upstreamUrls } from './proxy/upstream-pool';

/** Where each service is and how the gateway talks to it. */
export interface GatewaySettings {
  port: number;
  /** Each service's replicas: base URLs, called in turn (`UpstreamPool`). */
  upstreams: Record<UpstreamName, string[]>;
  jwtSecret?: string;
  jwksUrl?: string;
  devLogin: boolean;
  /** A service that has not answered by then gets a 503, never a hang. */
  upstreamTimeoutMs: number;
  bodyLimitBytes: number;
  /** Requests one user (token `sub`, or IP without a valid token) may make per minute. */
  rateLimitPerMinute: number;
  logLevel: LogLevel;
}

export type UpstreamName = 'hardship-cases' | 'education-grants' | 'medical-aid';

/**
 * The gateway's settings from the environment, validated at boot. With dev login off the JWT
 * secret must be strong: a weak secret would let anyone mint tokens.
 */
export function loadGatewaySettings(env: NodeJS.ProcessEnv = process.env, embedded = false): GatewaySettings {
  const c = loadConfig(
    {
      GATEWAY_PORT: { type: 'int', default: 3000 },
      // Comma-separated: one base URL per replica.
      HARDSHIP_CASES_URL: { type: 'list', required: !embedded },
      EDUCATION_GRANTS_URL: { type: 'list', required: !embedded },
      MEDICAL_AID_URL: { type: 'list', required: !embedded },
      JWT_SECRET: { type: 'string', secret: true, devDefault: EMBEDDED_DEV_SECRETS.jwtSecret },
      JWKS_URL: { type: 'url' },
      AUTH_DEV_LOGIN: { type: 'bool' },
      UPSTREAM_TIMEOUT_MS: { type: 'int', default: 10000 },
      GATEWAY_BODY_LIMIT_BYTES: { type: 'int', default: 8 * 1024 * 1024 },
      RATE_LIMIT_PER_MINUTE: { type: 'int', default: 600, min: 1 },
    },
    env,
    { embedded },
  );
  const devLogin = c.AUTH_DEV_LOGIN ?? embedded;
  if (!c.JWT_SECRET && !c.JWKS_URL)
    throw new Error('gateway: set JWT_SECRET or JWKS_URL (see .env.example).');
  if (!devLogin && c.JWT_SECRET) assertStrongSecret('JWT_SECRET', c.JWT_SECRET);
  if (devLogin && !c.JWT_SECRET)
    throw new Error('gateway: AUTH_DEV_LOGIN=true needs JWT_SECRET to sign dev tokens.');
  return {
    port: c.GATEWAY_PORT,
    upstreams: {
      'hardship-cases': upstreamUrls('HARDSHIP_CASES_URL', c.HARDSHIP_CASES_URL),
      'education-grants': upstreamUrls('EDUCATION_GRANTS_URL', c.EDUCATION_GRANTS_URL),
      'medical-aid': upstreamUrls('MEDICAL_AID_URL', c.MEDICAL_AID_URL),
    },
    jwtSecret: c.JWT_SECRET,
    jwksUrl: c.JWKS_URL,
    devLogin,
    upstreamTimeoutMs: c.UPSTREAM_TIMEOUT_MS,
    bodyLimitBytes: c.GATEWAY_BODY_LIMIT_BYTES,
    rateLimitPerMinute: c.RATE_LIMIT_PER_MINUTE,
    logLevel: parseLogLevel(env.LOG_LEVEL),
  };
}
