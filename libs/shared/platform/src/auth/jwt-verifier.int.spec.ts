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
  const sign = (kid: string, key: KeyLike = privateKey, audience = 'union-api') =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid })
      .setSubject('u-7')
      .setIssuer('https://idp.test')
      .setAudience(audience)
      .setExpirationTime('5m')
      .sign(key);

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
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('x'.repeat(32)));
    expect(await refusal(verifier().verify(hs))).toMatchObject({
      status: 401,
      detail: 'The token is signed with an algorithm that is not allowed.',
    });
  });

  it('answers 503 when the identity provider cannot be reached', async () => {
    const unreachable = new JwtVerifier({ jwksUrl: 'http://127.0.0.1:1/jwks.json' });
    expect(await refusal(unreachable.verify(await sign('k1')))).toMatchObject({
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
    });
  });

  it('refuses a configuration with neither or both key sources', () => {
    expect(() => new JwtVerifier({})).toThrow('exactly one of JWT_SECRET and JWKS_URL');
    expect(() => new JwtVerifier({ jwtSecret: 'x', jwksUrl: url })).toThrow('exactly one');
  });
});
