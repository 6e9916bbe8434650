import { randomBytes } from 'node:crypto';
import { AUTH_CONFIG, generateAssertionKeys } from '@union/platform';
import { platformFor } from './runtime.module';
import { EMBEDDED_DEV_SECRETS, loadServiceSettings } from './service-settings';

const keys = generateAssertionKeys();
const strong = () => randomBytes(48).toString('base64');
const production = (): NodeJS.ProcessEnv => ({
  JWT_SECRET: strong(),
  PERSON_REF_SECRET: strong(),
  METRICS_TOKEN: strong(),
  GATEWAY_ASSERTION_PUBLIC_KEY: keys.publicKey,
});

/** The boot error for `env` outside the embedded default, or '' when it boots. */
function refusal(env: NodeJS.ProcessEnv): string {
  try {
    loadServiceSettings('hardship-cases', env);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

describe('a service refuses to start in production on (issue 13 item 3)', () => {
  it.each<[string, NodeJS.ProcessEnv, string]>([
    [
      'the embedded JWT_SECRET',
      { JWT_SECRET: EMBEDDED_DEV_SECRETS.jwtSecret },
      'JWT_SECRET is not a safe secret',
    ],
    [
      'the embedded PERSON_REF_SECRET',
      { PERSON_REF_SECRET: EMBEDDED_DEV_SECRETS.personRefSecret },
      'PERSON_REF_SECRET is not a safe secret: it is a published development default',
    ],
    [
      'a repeated JWT_SECRET',
      { JWT_SECRET: 'abcd'.repeat(10) },
      'JWT_SECRET is not a safe secret: it repeats a shorter sequence',
    ],
    [
      'a running PERSON_REF_SECRET',
      { PERSON_REF_SECRET: '1234567890abcdefghijklmnopqrstuvwxyz' },
      'PERSON_REF_SECRET is not a safe secret: it is mostly a run',
    ],
    ['no METRICS_TOKEN', { METRICS_TOKEN: undefined }, 'METRICS_TOKEN is required'],
    ['a weak METRICS_TOKEN', { METRICS_TOKEN: 'metrics'.repeat(6) }, 'METRICS_TOKEN is not a safe secret'],
    [
      'no gateway public key',
      { GATEWAY_ASSERTION_PUBLIC_KEY: undefined },
      'GATEWAY_ASSERTION_PUBLIC_KEY is required',
    ],
    [
      'a garbled gateway public key',
      { GATEWAY_ASSERTION_PUBLIC_KEY: 'bm90IGEga2V5' },
      'GATEWAY_ASSERTION_PUBLIC_KEY is not an Ed25519 public key',
    ],
    [
      'the private key in place of the public one',
      {
        GATEWAY_ASSERTION_PUBLIC_KEY: `-----BEGIN PRIVATE KEY-----\n${keys.privateKey}\n-----END PRIVATE KEY-----`,
      },
      'GATEWAY_ASSERTION_PUBLIC_KEY holds a private key',
    ],
    [
      'JWKS_URL without JWT_ISSUER',
      { JWT_SECRET: undefined, JWKS_URL: 'https://idp.test/jwks', JWT_AUDIENCE: 'union-api' },
      'JWT_ISSUER is required with JWKS_URL',
    ],
    [
      'JWKS_URL without JWT_AUDIENCE',
      { JWT_SECRET: undefined, JWKS_URL: 'https://idp.test/jwks', JWT_ISSUER: 'https://idp.test' },
      'JWT_AUDIENCE is required with JWKS_URL',
    ],
    [
      'both JWT_SECRET and JWKS_URL',
      { JWKS_URL: 'https://idp.test/jwks', JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' },
      'set only one of JWT_SECRET and JWKS_URL',
    ],
    [
      'a TOKEN_MAX_AGE_SECONDS of 0',
      { TOKEN_MAX_AGE_SECONDS: '0' },
      'TOKEN_MAX_AGE_SECONDS must be at least 60',
    ],
  ])('%s, naming the variable and never the value', (_case, change, message) => {
    const env = { ...production(), ...change };
    const error = refusal(env);
    expect(error).toContain(message);
    for (const name of ['JWT_SECRET', 'PERSON_REF_SECRET', 'METRICS_TOKEN'] as const) {
      if (env[name]) expect(error).not.toContain(env[name]);
    }
  });

  it('starts on strong secrets, and wires iss, aud and the maximum age into token checks', () => {
    expect(refusal(production())).toBe('');
    const settings = loadServiceSettings('hardship-cases', {
      ...production(),
      JWT_SECRET: undefined,
      JWKS_URL: 'https://idp.test/jwks',
      JWT_ISSUER: 'https://idp.test',
      JWT_AUDIENCE: 'union-api',
      TOKEN_MAX_AGE_SECONDS: '3600',
    });
    const providers = platformFor(settings).providers ?? [];
    const auth = providers.find((p) => typeof p === 'object' && 'provide' in p && p.provide === AUTH_CONFIG);
    expect(auth).toMatchObject({
      useValue: {
        jwksUrl: 'https://idp.test/jwks',
        issuer: 'https://idp.test',
        audience: 'union-api',
        maxTokenAgeSeconds: 3600,
      },
    });
  });

  it('lets only the embedded default use the development secrets', () => {
    const embedded = loadServiceSettings(
      'hardship-cases',
      { GATEWAY_ASSERTION_PUBLIC_KEY: keys.publicKey },
      true,
    );
    expect(embedded.personRefSecret).toBe(EMBEDDED_DEV_SECRETS.personRefSecret);
    expect(embedded.metricsToken).toBeUndefined();
  });
});
