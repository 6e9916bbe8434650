import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { generateAssertionKeys } from '@union/platform';
import request from 'supertest';
import type { App } from 'supertest/types';
import { createGatewayApp } from './create-gateway-app';
import { startStub, type StubService } from './gateway-test.fixture';
import { loadGatewaySettings } from './gateway.settings';

/**
 * Production identity: the gateway with `JWKS_URL` (no shared secret) verifies tokens an identity
 * provider signed with RS256 against the keys it publishes, here a JWKS on a local HTTP server.
 */
describe('gateway with a JWKS URL (production identity provider)', () => {
  let jwks: Server;
  let jwksUrl: string;
  let privateKey: KeyLike;
  let stubs: StubService[];
  let app: INestApplication;
  let server: App;

  const sign = (
    kid: string,
    key: KeyLike = privateKey,
    claims: Record<string, unknown> = {},
    { issuer = 'https://idp.test', audience = 'union-api' } = {},
  ) =>
    new SignJWT({ name: '张伟', roles: ['caseworker'], units: ['u-1'], ...claims })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setSubject('idp-user-7')
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);

  const keys = generateAssertionKeys();
  const env = () => ({
    AUTH_DEV_LOGIN: 'false',
    LOG_LEVEL: 'silent',
    JWKS_URL: jwksUrl,
    JWT_ISSUER: 'https://idp.test',
    JWT_AUDIENCE: 'union-api',
    METRICS_TOKEN: 'jwks-test-metrics-token-q8Zt3Vw9pX2mR7nK4bL6cY1hF5',
    GATEWAY_ASSERTION_PRIVATE_KEY: keys.privateKey,
    HARDSHIP_CASES_URL: stubs[0].url,
    EDUCATION_GRANTS_URL: stubs[1].url,
    MEDICAL_AID_URL: stubs[2].url,
    ORGANISATION_URL: stubs[3].url,
  });

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const body = JSON.stringify({
      keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }],
    });
    jwks = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
    stubs = await Promise.all([
      startStub('hardship'),
      startStub('grants'),
      startStub('medical'),
      startStub('organisation'),
    ]);
    app = await createGatewayApp(loadGatewaySettings(env()));
    server = app.getHttpServer() as App;
  });
  afterAll(async () => {
    await app?.close();
    await Promise.all(stubs.map((s) => s.close()));
    await new Promise((resolve) => jwks.close(resolve));
  });

  it('forwards a request whose token the provider signed, with the token, to the service', async () => {
    const token = await sign('k1');
    await request(server).get('/api/v1/hardship/cases').auth(token, { type: 'bearer' }).expect(200);
    expect(stubs[0].received.at(-1)?.headers.authorization).toBe(`Bearer ${token}`);
  });

  // Issue 13 item 3: any client of the provider gets tokens signed with the same keys.
  it('refuses a token of the provider issued for another audience, or by another issuer', async () => {
    const before = stubs[0].received.length;
    for (const token of [
      await sign('k1', privateKey, {}, { audience: 'another-app' }),
      await sign('k1', privateKey, {}, { issuer: 'https://other-idp.test' }),
    ]) {
      const res = await request(server).get('/api/v1/hardship/cases').auth(token, { type: 'bearer' });
      expect(res.status).toBe(401);
      expect(res.body.detail).toMatch(/^The token's (aud|iss) claim is not valid/);
    }
    expect(stubs[0].received.length).toBe(before);
  });

  it('still applies the route table to the provider’s roles', async () => {
    const res = await request(server)
      .put('/api/v1/hardship/policies/regions/630102')
      .auth(await sign('k1'), { type: 'bearer' })
      .send({ minimumLivingStandardFen: 90_000, relativeMultiplierBp: 15_000 });
    expect(res.status).toBe(403);
  });

  it('refuses an unknown key, an HS256 token and a dev token (dev login is off)', async () => {
    const before = stubs[0].received.length;
    const other = (await generateKeyPair('RS256')).privateKey;
    const hs256 = await new SignJWT({ roles: ['admin'], units: ['*'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('a-guessable-shared-secret-of-enough-length'));
    for (const token of [await sign('k2', other), await sign('k1', other), hs256]) {
      const res = await request(server).get('/api/v1/hardship/cases').auth(token, { type: 'bearer' });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
    await request(server)
      .post('/api/v1/auth/dev-token')
      .send({ sub: 'x', roles: ['admin'], units: ['*'] })
      .expect(404);
    expect(stubs[0].received.length).toBe(before);
  });

  it('answers 503 rather than hang when the provider is unreachable', async () => {
    const down = await createGatewayApp(
      loadGatewaySettings({ ...env(), JWKS_URL: 'http://127.0.0.1:1/jwks.json' }),
    );
    try {
      const res = await request(down.getHttpServer() as App)
        .get('/api/v1/hardship/cases')
        .auth(await sign('k1'), { type: 'bearer' });
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    } finally {
      await down.close();
    }
  });

  it('refuses to start with dev login on, or with a weak secret', () => {
    expect(() => loadGatewaySettings({ ...env(), AUTH_DEV_LOGIN: 'true' })).toThrow(/AUTH_DEV_LOGIN/);
    expect(() => loadGatewaySettings({ ...env(), JWKS_URL: undefined, JWT_SECRET: 'secret' })).toThrow(
      /JWT_SECRET/,
    );
  });
});
