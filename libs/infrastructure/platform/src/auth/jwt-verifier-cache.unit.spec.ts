import { ProblemException } from '../problem/problem.exception';
import { signDevToken } from './dev-token';
import { JwtVerifier } from './jwt.verifier';

const SECRET = 'unit-test-secret-0123456789abcdefghijklmnop';

describe('JwtVerifier: verified tokens are cached until they expire', () => {
  it('answers a repeated token from the cache, and refuses it once it has expired', async () => {
    const verifier = new JwtVerifier({ jwtSecret: SECRET });
    const token = await signDevToken(SECRET, { sub: 'cw-1', roles: ['caseworker'], units: ['u-1'] }, 1);
    const principal = { sub: 'cw-1', name: 'cw-1', roles: ['caseworker'], units: ['u-1'] };
    expect(await verifier.verify(token)).toEqual(principal);
    expect(await verifier.verify(token)).toEqual(principal);
    await new Promise((r) => setTimeout(r, 2100));
    await expect(verifier.verify(token)).rejects.toThrow(ProblemException);
    await expect(verifier.verify(token)).rejects.toMatchObject({
      body: { detail: 'The token has expired.' },
    });
  });

  it('never caches a refusal: a tampered token stays refused', async () => {
    const verifier = new JwtVerifier({ jwtSecret: SECRET });
    const token = await signDevToken(SECRET, { sub: 'cw-1', roles: ['caseworker'], units: ['u-1'] }, 600);
    const [head, body, sig] = token.split('.');
    const forged = `${head}.${Buffer.from(JSON.stringify({ sub: 'x', roles: ['admin'], units: ['*'], exp: 9e9 })).toString('base64url')}.${sig}`;
    await verifier.verify(token);
    await expect(verifier.verify(forged)).rejects.toMatchObject({ body: { status: 401 } });
    expect(body).toBeDefined();
  });
});
