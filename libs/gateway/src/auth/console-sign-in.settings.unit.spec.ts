import { randomBytes } from 'node:crypto';
import { generateAssertionKeys } from '@union/platform';
import { loadGatewaySettings } from '../gateway.settings';

const keys = generateAssertionKeys();
const production = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({
  METRICS_TOKEN: randomBytes(48).toString('base64'),
  GATEWAY_ASSERTION_PRIVATE_KEY: keys.privateKey,
  HARDSHIP_CASES_URL: 'http://127.0.0.1:3001',
  EDUCATION_GRANTS_URL: 'http://127.0.0.1:3002',
  MEDICAL_AID_URL: 'http://127.0.0.1:3003',
  ORGANISATION_URL: 'http://127.0.0.1:3004',
  JWKS_URL: 'https://sso.union.test/certs',
  JWT_ISSUER: 'https://sso.union.test',
  JWT_AUDIENCE: 'https://union.test/api',
  ...env,
});

function refusal(env: NodeJS.ProcessEnv): string {
  try {
    loadGatewaySettings(production(env));
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

describe("the console's OpenID Connect settings (OIDC_CLIENT_ID, OIDC_SCOPE)", () => {
  it('are the trusted issuer and audience, the client id and the default scopes', () => {
    expect(loadGatewaySettings(production({ OIDC_CLIENT_ID: 'union-console' })).consoleOidc).toEqual({
      issuer: 'https://sso.union.test',
      clientId: 'union-console',
      scope: 'openid profile',
      audience: 'https://union.test/api',
    });
  });

  it('are absent without OIDC_CLIENT_ID: no production sign-in is offered', () => {
    expect(loadGatewaySettings(production({})).consoleOidc).toBeUndefined();
  });

  it.each<[string, NodeJS.ProcessEnv, string]>([
    [
      'a shared secret instead of a provider',
      {
        OIDC_CLIENT_ID: 'union-console',
        JWKS_URL: undefined,
        JWT_ISSUER: undefined,
        JWT_AUDIENCE: undefined,
        JWT_SECRET: randomBytes(48).toString('base64'),
      },
      'OIDC_CLIENT_ID needs JWKS_URL, JWT_ISSUER and JWT_AUDIENCE',
    ],
    [
      'scopes without openid',
      { OIDC_CLIENT_ID: 'union-console', OIDC_SCOPE: 'profile email' },
      "OIDC_SCOPE must include 'openid'",
    ],
    [
      'an http issuer off loopback',
      { OIDC_CLIENT_ID: 'union-console', JWT_ISSUER: 'http://sso.union.test' },
      'JWT_ISSUER must be an https URL (http only on loopback)',
    ],
    [
      'an issuer that is not a URL',
      { OIDC_CLIENT_ID: 'union-console', JWT_ISSUER: 'union-sso' },
      "JWT_ISSUER must be the identity provider's URL",
    ],
  ])('refuse to start with %s', (_name, env, message) => {
    expect(refusal(env)).toContain(message);
  });

  it('accept an http issuer on loopback (a provider on the same machine)', () => {
    const settings = loadGatewaySettings(
      production({ OIDC_CLIENT_ID: 'union-console', JWT_ISSUER: 'http://127.0.0.1:4000' }),
    );
    expect(settings.consoleOidc?.issuer).toBe('http://127.0.0.1:4000');
  });
});
