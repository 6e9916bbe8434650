import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { jwtVerify } from 'jose';
import {
  AssertionRefused,
  GatewayAssertionVerifier,
  signGatewayAssertion,
  type HopCall,
  type HopRequest,
} from './gateway-assertion';

const gateway = generateKeyPairSync('ed25519');
const SERVICE = 'hardship-cases';
const AUTH = 'Bearer eyJ.user-token.sig';
const call: HopCall = {
  service: SERVICE,
  method: 'GET',
  url: '/api/v1/hardship/cases/c-1?view=full',
  authorization: AUTH,
  correlationId: '6f1c2a0e-0000-4000-8000-000000000001',
  clientCorrelationId: 'visit-2026-03-02',
};
const asSent = (assertion: string, over: Partial<HopRequest> = {}): HopRequest => ({
  method: call.method,
  url: call.url,
  authorization: AUTH,
  assertion,
  ...over,
});

/** The refusal's reason and status, or 'accepted'. */
function outcome(verifier: GatewayAssertionVerifier, req: HopRequest, now?: number): string {
  try {
    verifier.verify(req, now);
    return 'accepted';
  } catch (e) {
    if (!(e instanceof AssertionRefused)) throw e;
    return `${e.reason} ${e.getStatus()}`;
  }
}

/** An assertion with the given claims, signed with `key` as the gateway signs (for claims it never writes). */
function forged(key: KeyObject, claims: Record<string, unknown>, typ = 'gateway-assertion+jwt'): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const input = `${b64({ alg: 'EdDSA', typ })}.${b64(claims)}`;
  return `${input}.${sign(null, Buffer.from(input), key).toString('base64url')}`;
}

describe('the gateway assertion', () => {
  const verifier = () => new GatewayAssertionVerifier(gateway.publicKey, SERVICE);

  it('accepts the call it was signed for, once, and gives its correlation ids', () => {
    const v = verifier();
    const assertion = signGatewayAssertion(gateway.privateKey, call);
    expect(v.verify(asSent(assertion))).toEqual({
      correlationId: call.correlationId,
      clientCorrelationId: 'visit-2026-03-02',
    });
    expect(outcome(v, asSent(assertion))).toBe('replayed 403');
  });

  it('is a standard JWT (EdDSA) that any JWT library verifies with the public key', async () => {
    const { payload, protectedHeader } = await jwtVerify(
      signGatewayAssertion(gateway.privateKey, call),
      gateway.publicKey,
      { issuer: 'union-gateway', audience: SERVICE, typ: 'gateway-assertion+jwt' },
    );
    expect(protectedHeader.alg).toBe('EdDSA');
    expect(payload).toMatchObject({ htm: 'GET', htu: call.url, cid: call.correlationId });
    expect(Number(payload.exp) - Number(payload.iat)).toBe(30);
    expect(typeof payload.jti).toBe('string');
  });

  it.each<[string, Partial<HopRequest>]>([
    ['another path', { url: '/api/v1/hardship/cases/c-2?view=full' }],
    ['another query', { url: '/api/v1/hardship/cases/c-1?view=other' }],
    [
      'the path normalised (the path authorised is the path forwarded)',
      { url: '/api/v1/hardship/cases/c-1/../c-1?view=full' },
    ],
    ['another method', { method: 'POST' }],
    ["another caller's token", { authorization: 'Bearer eyJ.someone-else.sig' }],
    ['no token where the caller sent one', { authorization: undefined }],
  ])('refuses with 403 when replayed for %s', (_case, over) => {
    expect(outcome(verifier(), asSent(signGatewayAssertion(gateway.privateKey, call), over))).toBe(
      'mismatch 403',
    );
  });

  it('refuses an assertion for another service', () => {
    const forGrants = signGatewayAssertion(gateway.privateKey, { ...call, service: 'education-grants' });
    expect(outcome(verifier(), asSent(forGrants))).toBe('mismatch 403');
  });

  it('refuses with 401 a missing assertion, another key, a tampered one and a user token', () => {
    const v = verifier();
    expect(outcome(v, asSent(''))).toBe('missing 401');
    expect(outcome(v, { ...asSent(''), assertion: undefined })).toBe('missing 401');
    const other = generateKeyPairSync('ed25519').privateKey;
    expect(outcome(v, asSent(signGatewayAssertion(other, call)))).toBe('invalid 401');
    const [head, , sig] = signGatewayAssertion(gateway.privateKey, call).split('.');
    const tampered = `${head}.${Buffer.from(JSON.stringify({ ...call, htu: '/x' })).toString('base64url')}.${sig}`;
    expect(outcome(v, asSent(tampered))).toBe('invalid 401');
    const userJwt = forged(gateway.privateKey, { sub: 'u', roles: ['admin'], units: ['*'] }, 'JWT');
    expect(outcome(v, asSent(userJwt))).toBe('invalid 401');
    expect(outcome(v, asSent('a.b'))).toBe('invalid 401');
  });

  it('refuses an expired assertion, tolerating 10 s of clock skew', () => {
    const signedAt = Date.now();
    const assertion = () => signGatewayAssertion(gateway.privateKey, call, signedAt);
    expect(outcome(verifier(), asSent(assertion()), signedAt + 39_000)).toBe('accepted');
    expect(outcome(verifier(), asSent(assertion()), signedAt + 41_000)).toBe('expired 401');
  });

  it('refuses a lifetime longer than 30 s or starting in the future, and claims of the wrong shape', () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: 'union-gateway',
      aud: SERVICE,
      iat: now,
      exp: now + 30,
      jti: 'j-1',
      htm: 'GET',
      htu: call.url,
      ath: undefined,
      cid: 'c',
    };
    const req = (c: Record<string, unknown>) =>
      asSent(forged(gateway.privateKey, c), { authorization: undefined });
    expect(outcome(verifier(), req(claims))).toBe('accepted');
    expect(outcome(verifier(), req({ ...claims, exp: now + 3600 }))).toBe('invalid 401');
    expect(outcome(verifier(), req({ ...claims, iat: now + 60, exp: now + 90 }))).toBe('invalid 401');
    expect(outcome(verifier(), req({ ...claims, iss: 'someone' }))).toBe('invalid 401');
    expect(outcome(verifier(), req({ ...claims, cid: 42 }))).toBe('invalid 401');
  });
});
