import { assertStrongSecret, loadConfig, parseLogLevel } from '@union/platform';
import type { ServiceName } from '@union/contracts';
import type { ServiceSettings } from './service-definition';

/** The embedded default's development secrets: never used unless embedded mode asks for them. */
export const EMBEDDED_DEV_SECRETS = {
  jwtSecret: 'embedded-development-only-jwt-secret-not-for-production',
  personRefSecret: 'embedded-development-only-person-ref-secret',
};

/**
 * Auth and person-ref settings from the environment, validated at boot. Only the embedded
 * default may fall back to development secrets; anywhere else a missing or weak secret stops
 * the process with a message naming the variable.
 */
export function loadServiceSettings(
  service: ServiceName,
  env: NodeJS.ProcessEnv = process.env,
  embedded = false,
): ServiceSettings {
  const config = loadConfig(
    {
      JWT_SECRET: {
        type: 'string',
        required: false,
        secret: true,
        devDefault: EMBEDDED_DEV_SECRETS.jwtSecret,
      },
      JWKS_URL: { type: 'url', required: false },
      SEAL_INTERVAL_MS: {
        type: 'int',
        default: '30000',
        min: 0,
        max: 86_400_000,
        description: 'how often the event log is sealed, in milliseconds (0: only on shutdown)',
      },
      PERSON_REF_SECRET: {
        type: 'string',
        required: true,
        secret: true,
        devDefault: EMBEDDED_DEV_SECRETS.personRefSecret,
      },
    },
    env,
    { embedded },
  );
  if (!config.JWT_SECRET && !config.JWKS_URL) {
    throw new Error(`${service}: set JWT_SECRET or JWKS_URL (see .env.example).`);
  }
  if (!embedded) {
    if (config.JWT_SECRET) assertStrongSecret('JWT_SECRET', config.JWT_SECRET);
    assertStrongSecret('PERSON_REF_SECRET', config.PERSON_REF_SECRET);
  }
  return {
    service,
    jwtSecret: config.JWT_SECRET,
    jwksUrl: config.JWKS_URL,
    personRefSecret: config.PERSON_REF_SECRET,
    logLevel: parseLogLevel(env.LOG_LEVEL),
    sealIntervalMs: config.SEAL_INTERVAL_MS,
  };
}
