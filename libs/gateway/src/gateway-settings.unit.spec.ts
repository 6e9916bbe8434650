import { randomBytes } from 'node:crypto';
import { generateAssertionKeys } from '@union/platform';
import { EMBEDDED_DEV_SECRETS } from '@union/runtime';
import { loadGatewaySettings } from './gateway.settings';

const keys = generateAssertionKeys();
const strong = () => randomBytes(48).toString('base64');
const production = (): NodeJS.ProcessEnv => ({
  JWT_SECRET: strong(),
  METRICS_TOKEN: strong(),
  GATEWAY_ASSERTION_PRIVATE_KEY: keys.privateKey,
  HARDSHIP_CASES_URL: 'http://127.0.0.1:3001',
  EDUCATION_GRANTS_URL: 'http://127.0.0.1:3002',
  MEDICAL_AID_URL: 'http://127.0.0.1:3003',
  ORGANISATION_URL: 'http://127.0.0.1:3004',
});

function refusal(env: NodeJS.ProcessEnv): string {
  try {
    loadGatewaySettings(env);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

describe('the gateway refuses to start in production on (issue 13 item 3)', () => {
  it.each<[string, NodeJS.ProcessEnv, string]>([
    [
      'AUTH_DEV_LOGIN=true',
      { AUTH_DEV_LOGIN: 'true' },
      'AUTH_DEV_LOGIN=true is refused outside the embedded default',
    ],
    [
      'AUTH_DEV_LOGIN=true with a weak secret',
      { AUTH_DEV_LOGIN: 'true', JWT_SECRET: 'secret' },
      'AUTH_DEV_LOGIN=true is refused',
    ],
    [
      'the embedded JWT_SECRET',
      { JWT_SECRET: EMBEDDED_DEV_SECRETS.jwtSecret },
      'JWT_SECRET is not a safe secret',
    ],
    [
      'a running JWT_SECRET',
      { JWT_SECRET: 'qwertyuiopasdfghjklzxcvbnm1234567890' },
      'JWT_SECRET is not a safe secret: it is mostly a run',
    ],
    ['no METRICS_TOKEN', { METRICS_TOKEN: undefined }, 'METRICS_TOKEN is required'],
    [
      'no assertion key',
      { GATEWAY_ASSERTION_PRIVATE_KEY: undefined },
      'GATEWAY_ASSERTION_PRIVATE_KEY is required',
    ],
    [
      'the public key in place of the private one',
      { GATEWAY_ASSERTION_PRIVATE_KEY: keys.publicKey },
      'GATEWAY_ASSERTION_PRIVATE_KEY is not an Ed25519 private key',
    ],
    [
      'JWKS_URL without JWT_ISSUER and JWT_AUDIENCE',
      { JWT_SECRET: undefined, JWKS_URL: 'https://idp.test/jwks' },
      'JWT_ISSUER is required with JWKS_URL',
    ],
  ])('%s, naming the variable and never the value', (_case, change, message) => {
    const env = { ...production(), ...change };
    const error = refusal(env);
    expect(error).toContain(message);
    if (env.JWT_SECRET) expect(error).not.toContain(env.JWT_SECRET);
    expect(error).not.toContain(keys.privateKey);
  });

  it('starts on strong settings, with iss and aud for a JWKS', () => {
    expect(refusal(production())).toBe('');
    const settings = loadGatewaySettings({
      ...production(),
      JWT_SECRET: undefined,
      JWKS_URL: 'https://idp.test/jwks',
      JWT_ISSUER: 'https://idp.test',
      JWT_AUDIENCE: 'union-api',
    });
    expect(settings).toMatchObject({
      issuer: 'https://idp.test',
      audience: 'union-api',
      maxTokenAgeSeconds: 43_200,
      devLogin: false,
    });
  });

  it('offers dev login in the embedded default, with a key of its own', () => {
    const embedded = loadGatewaySettings({}, true);
    expect(embedded.devLogin).toBe(true);
    expect(embedded.assertionKey.asymmetricKeyType).toBe('ed25519');
  });
});
