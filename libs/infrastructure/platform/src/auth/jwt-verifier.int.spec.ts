import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { ProblemException } from '../problem/problem.exception';
import { JwtVerifier } from './jwt.verifier';

async function refusal(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ProblemException) return e.body;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('JwtVerifier with a remote JWKS (production mode)', () => {
  let server: Server;
  let url: string;
  let privateKey: KeyLike;
  const claims = { name: 'Zhang Wei', roles: ['reviewer'], units: ['*'] };
  const sign = (
    kid: string,
    key: KeyLike = privateKey,
    audience = 'union-api',
    more: { claims?: Record<string, unknown>; issuer?: string; iat?: number | null } = {},
  ) => {
    const now = Math.floor(Date.now() / 1000);
    const jwt = new SignJWT({ ...claims, ...more.claims })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setSubject('u-7')
      .setIssuer(more.issuer ?? 'https://idp.test')
      .setAudience(audience)
      .setExpirationTime(now + 300);
    return (more.iat === null ? jwt : jwt.setIssuedAt(more.iat ?? now)).sign(key);
  };

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwks = JSON.stringify({
      keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }],
    });
    server = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(jwks),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const verifier = () => new JwtVerifier({ jwksUrl: url, issuer: 'https://idp.test', audience: 'union-api' });

  it('accepts a token signed by a published key', async () => {
    expect(await verifier().verify(await sign('k1'))).toEqual({
      sub: 'u-7',
      name: 'Zhang Wei',
      roles: ['reviewer'],
      units: ['*'],
    });
  });

  it('refuses an unknown key, a wrong audience and an HS256 token', async () => {
    const other = (await generateKeyPair('RS256')).privateKey;
    expect(await refusal(verifier().verify(await sign('k2', other)))).toMatchObject({
      status: 401,
      detail: 'The token is signed with an unknown key.',
    });
    expect(await refusal(verifier().verify(await sign('k1', privateKey, 'other')))).toMatchObject({
      status: 401,
      detail: "The token's aud claim is not valid (check_failed).",
    });
    const hs = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('x'.repeat(32)));
    expect(await refusal(verifier().verify(hs))).toMatchObject({
      status: 401,
      detail: 'The token is signed with an algorithm that is not allowed.',
    });
  });

  it('refuses a wrong issuer', async () => {
    expect(
      await refusal(
        verifier().verify(await sign('k1', privateKey, 'union-api', { issuer: 'https://other.test' })),
      ),
    ).toMatchObject({
      status: 401,
      detail: "The token's iss claim is not valid (check_failed).",
    });
  });

  // Issue 13 item 3: an empty list grants nothing anyone meant to grant; an old or future-dated
  // token is not one the provider issued for a session now.
  it.each<[string, Parameters<typeof sign>[3], string]>([
    [
      'roles []',
      { claims: { roles: [] } },
      "The token's roles claim must be a non-empty list of caseworker, reviewer, auditor, admin.",
    ],
    [
      'units []',
      { claims: { units: [] } },
      'The token\'s units claim must be a non-empty list of unit ids (or ["*"]).',
    ],
    ['no iat', { iat: null }, "The token's iat claim is not valid (missing)."],
    [
      'an iat 2 minutes ahead',
      { iat: Math.floor(Date.now() / 1000) + 120 },
      "The token's iat claim is in the future.",
    ],
    [
      'an iat 13 hours ago',
      { iat: Math.floor(Date.now() / 1000) - 13 * 3600 },
      'The token is older than the maximum token age (43200 s); sign in again.',
    ],
  ])('refuses a token with %s', async (_case, more, detail) => {
    expect(await refusal(verifier().verify(await sign('k1', privateKey, 'union-api', more)))).toMatchObject({
      status: 401,
      detail,
    });
  });

  it('accepts an iat within the clock skew and within a configured maximum age', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expect(
      verifier().verify(await sign('k1', privateKey, 'union-api', { iat: now + 30 })),
    ).resolves.toBeDefined();
    const strict = new JwtVerifier({
      jwksUrl: url,
      issuer: 'https://idp.test',
      audience: 'union-api',
      maxTokenAgeSeconds: 600,
    });
    await expect(
      strict.verify(await sign('k1', privateKey, 'union-api', { iat: now - 500 })),
    ).resolves.toBeDefined();
    expect(
      await refusal(strict.verify(await sign('k1', privateKey, 'union-api', { iat: now - 700 }))),
    ).toMatchObject({
      detail: 'The token is older than the maximum token age (600 s); sign in again.',
    });
  });

  it('answers 503 when the identity provider cannot be reached', async () => {
    const unreachable = new JwtVerifier({
      jwksUrl: 'http://127.0.0.1:1/jwks.json',
      issuer: 'https://idp.test',
      audience: 'union-api',
    });
    expect(await refusal(unreachable.verify(await sign('k1')))).toMatchObject({
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
    });
  });

  it('refuses a configuration with neither or both key sources, or a JWKS without iss and aud', () => {
    expect(() => new JwtVerifier({})).toThrow('exactly one of JWT_SECRET and JWKS_URL');
    expect(() => new JwtVerifier({ jwtSecret: 'x', jwksUrl: url })).toThrow('exactly one');
    expect(() => new JwtVerifier({ jwksUrl: url })).toThrow(
      'With JWKS_URL, JWT_ISSUER and JWT_AUDIENCE are required.',
    );
    expect(() => new JwtVerifier({ jwksUrl: url, issuer: 'https://idp.test' })).toThrow('JWT_AUDIENCE');
  });
});
