import {
  ASSERTION_PUBLIC_KEY_VAR,
  assertionPublicKey,
  assertStrongSecret,
  ConfigError,
  DEFAULT_MAX_TOKEN_AGE_SECONDS,
  loadConfig,
  parseLogLevel,
} from '@union/platform';
import type { ServiceName } from '@union/contracts';
import type { AuthSettings, ServiceSettings } from './service-definition';

/** The embedded default's development secrets: never used unless embedded mode asks for them. */
export const EMBEDDED_DEV_SECRETS = {
  jwtSecret: 'embedded-development-only-jwt-secret-not-for-production',
  personRefSecret: 'embedded-development-only-person-ref-secret',
};

// Published in this repository: refused as a secret anywhere but the embedded default.
const PUBLISHED = Object.values(EMBEDDED_DEV_SECRETS);

/**
 * How users' tokens are verified and who reads `/metrics`, for the gateway and the services alike,
 * validated at boot. Outside the embedded default (production): a strong `JWT_SECRET` that is not
 * a published default, or `JWKS_URL` with `JWT_ISSUER` and `JWT_AUDIENCE`; and a strong
 * `METRICS_TOKEN`. Every problem is named by its variable, never its value.
 * @throws ConfigError listing each problem.
 */
export function loadAuthSettings(env: NodeJS.ProcessEnv, embedded: boolean): AuthSettings {
  const c = loadConfig(
    {
      JWT_SECRET: { type: 'string', secret: true, devDefault: EMBEDDED_DEV_SECRETS.jwtSecret },
      JWKS_URL: { type: 'url' },
      JWT_ISSUER: { type: 'string', description: "the identity provider's iss; required with JWKS_URL" },
      JWT_AUDIENCE: {
        type: 'string',
        description: 'the aud tokens for this platform carry; required with JWKS_URL',
      },
      TOKEN_MAX_AGE_SECONDS: {
        type: 'int',
        default: DEFAULT_MAX_TOKEN_AGE_SECONDS,
        min: 60,
        max: 7 * 86_400,
        description: 'tokens issued longer ago are refused, whatever their exp',
      },
      METRICS_TOKEN: { type: 'string', secret: true, description: 'bearer token of the metrics scraper' },
    },
    env,
    { embedded },
  );
  const problems: string[] = [];
  if (!c.JWT_SECRET && !c.JWKS_URL) problems.push('set JWT_SECRET or JWKS_URL (see .env.example)');
  if (c.JWT_SECRET && c.JWKS_URL && !embedded) problems.push('set only one of JWT_SECRET and JWKS_URL');
  if (c.JWKS_URL) {
    for (const name of ['JWT_ISSUER', 'JWT_AUDIENCE'] as const) {
      if (!c[name]) problems.push(`${name} is required with JWKS_URL`);
    }
  }
  if (!embedded) {
    if (c.JWT_SECRET && !c.JWKS_URL) problems.push(...refusal('JWT_SECRET', c.JWT_SECRET));
    if (!c.METRICS_TOKEN)
      problems.push('METRICS_TOKEN is required (the bearer token of the metrics scraper)');
    else problems.push(...refusal('METRICS_TOKEN', c.METRICS_TOKEN));
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    // JWKS wins in the embedded default when both are set (a trial against a real provider).
    jwtSecret: c.JWKS_URL ? undefined : c.JWT_SECRET,
    jwksUrl: c.JWKS_URL,
    issuer: c.JWT_ISSUER,
    audience: c.JWT_AUDIENCE,
    maxTokenAgeSeconds: c.TOKEN_MAX_AGE_SECONDS,
    metricsToken: c.METRICS_TOKEN,
  };
}

/** The strength check's refusal of a production secret, as a list of problems (empty: strong). */
export function refusal(name: string, value: string): string[] {
  try {
    assertStrongSecret(name, value, PUBLISHED);
    return [];
  } catch (error) {
    return [(error as Error).message];
  }
}

/**
 * A service's settings from the environment, validated at boot: {@link loadAuthSettings}, the
 * person-ref key, and the gateway's public key (`GATEWAY_ASSERTION_PUBLIC_KEY`, in every mode: the
 * embedded default passes the pair it generated). Only the embedded default may fall back to
 * development secrets; anywhere else a missing or weak secret stops the process, naming the variable.
 * @throws ConfigError listing each problem.
 */
export function loadServiceSettings(
  service: ServiceName,
  env: NodeJS.ProcessEnv = process.env,
  embedded = false,
): ServiceSettings {
  const config = loadConfig(
    {
      SEAL_INTERVAL_MS: {
        type: 'int',
        default: '30000',
        min: 0,
        max: 86_400_000,
        description: 'how often the event log is sealed, in milliseconds (0: only on shutdown)',
      },
      [retentionVar(service)]: {
        type: 'int',
        default: String(DEFAULT_RETENTION_YEARS),
        min: 0,
        max: 100,
        description: "how many years after a person's last record here closed their personal data is kept, then erased",
      },
      PRIVACY_SWEEP_INTERVAL_MS: {
        type: 'int',
        default: '3600000',
        min: 0,
        max: 7 * 86_400_000,
        description: 'how often erasure due by retention runs, in milliseconds (0: never on its own)',
      },
      PERSON_REF_SECRET: {
        type: 'string',
        required: true,
        secret: true,
        devDefault: EMBEDDED_DEV_SECRETS.personRefSecret,
      },
      [ASSERTION_PUBLIC_KEY_VAR]: {
        type: 'string',
        required: true,
        description: "the gateway's Ed25519 public key; generate the pair with node tools/gateway-keys.js",
      },
    },
    env,
    { embedded },
  );
  const auth = loadAuthSettings(env, embedded);
  const problems = embedded ? [] : refusal('PERSON_REF_SECRET', config.PERSON_REF_SECRET);
  let gatewayPublicKey;
  try {
    gatewayPublicKey = assertionPublicKey(ASSERTION_PUBLIC_KEY_VAR, String(config[ASSERTION_PUBLIC_KEY_VAR]));
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (problems.length > 0 || gatewayPublicKey === undefined) throw new ConfigError(problems);
  return {
    service,
    ...auth,
    gatewayPublicKey,
    personRefSecret: config.PERSON_REF_SECRET,
    logLevel: parseLogLevel(env.LOG_LEVEL),
    sealIntervalMs: config.SEAL_INTERVAL_MS,
    retentionYears: Number(config[retentionVar(service)]),
    privacySweepIntervalMs: config.PRIVACY_SWEEP_INTERVAL_MS,
  };
}

/** Years a person's data is kept after their last record closed, unless configured (DOMAIN.md §5). */
export const DEFAULT_RETENTION_YEARS = 10;

/**
 * The retention variable of a programme: `RETENTION_YEARS_HARDSHIP_CASES`,
 * `RETENTION_YEARS_EDUCATION_GRANTS`, `RETENTION_YEARS_MEDICAL_AID` (named per programme: in the
 * embedded default the three services read one environment).
 */
export const retentionVar = (service: ServiceName): string =>
  `RETENTION_YEARS_${service.toUpperCase().replace(/-/g, '_')}`;
