import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import { startGateway, type TestGateway } from '../gateway-test.fixture';

const IDP = {
  JWKS_URL: 'https://sso.union.test/realms/union/protocol/openid-connect/certs',
  JWT_ISSUER: 'https://sso.union.test/realms/union',
};

/**
 * `GET /api/v1/auth/config`: what sign-in the console offers, answered without a token, from the
 * settings the gateway verifies tokens with; and the console's CSP letting it call that provider.
 */
describe('gateway: the console sign-in configuration', () => {
  let dist: string;
  const gateways: TestGateway[] = [];
  const start = async (env: Record<string, string>) => {
    const gw = await startGateway({ CONSOLE_DIR: dist, ...env });
    gateways.push(gw);
    return gw.app.getHttpServer() as App;
  };

  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'auth-config-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>帮扶工作台</title>');
  });
  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.close()));
    rmSync(dist, { recursive: true, force: true });
  });

  it('offers OpenID Connect at the trusted issuer, with the API audience to ask an access token for', async () => {
    const server = await start({
      ...IDP,
      JWT_AUDIENCE: 'https://union.test/api',
      OIDC_CLIENT_ID: 'union-console',
    });
    const res = await request(server).get('/api/v1/auth/config').expect(200);
    expect(res.body).toEqual({
      devLogin: false,
      oidc: {
        issuer: 'https://sso.union.test/realms/union',
        clientId: 'union-console',
        scope: 'openid profile',
        audience: 'https://union.test/api',
      },
    });
    expect(res.headers['cache-control']).toBe('no-cache');
    // The browser fetches the provider's discovery document and token endpoint: its origin only.
    const page = await request(server).get('/auth/callback').expect(200);
    expect(page.headers['content-security-policy']).toContain(
      "connect-src 'self' https://sso.union.test; ",
    );
  });

  it('leaves the audience out when the client id is the audience (the ID token is the bearer)', async () => {
    const server = await start({
      ...IDP,
      JWT_AUDIENCE: 'union-console',
      OIDC_CLIENT_ID: 'union-console',
      OIDC_SCOPE: ' openid   profile  email ',
    });
    const res = await request(server).get('/api/v1/auth/config').expect(200);
    expect(res.body).toEqual({
      devLogin: false,
      oidc: { issuer: IDP.JWT_ISSUER, clientId: 'union-console', scope: 'openid profile email' },
    });
  });

  it('offers the development personas alone in the embedded default, and calls no other origin', async () => {
    const server = await start({ AUTH_DEV_LOGIN: 'true' });
    const res = await request(server).get('/api/v1/auth/config').expect(200);
    expect(res.body).toEqual({ devLogin: true });
    const page = await request(server).get('/login').expect(200);
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'; ");
  });
});
