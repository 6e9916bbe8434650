import type { INestApplication } from '@nestjs/common';
import { SignJWT } from 'jose';
import request from 'supertest';
import { bootTestApp, SECRET, token, validBody } from '../platform-test-app.fixture';

const hs256 = (claims: Record<string, unknown>, exp?: string) => {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('u').setIssuedAt();
  return (exp === undefined ? jwt : jwt.setExpirationTime(exp)).sign(new TextEncoder().encode(SECRET));
};

describe('AuthGuard over HTTP', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await bootTestApp();
  });
  afterAll(() => app.close());

  const post = (path: string) => request(app.getHttpServer()).post(path);

  it('lets a valid token with the role through, with the principal', async () => {
    const res = await post('/cases')
      .set('Authorization', `Bearer ${await token()}`)
      .send(validBody)
      .expect(201);
    expect(res.body).toEqual({ opened: true, by: 'u-1', dtoClass: 'OpenCaseDto' });
  });

  it.each([
    ['no token', undefined, 'The request has no token; send Authorization: Bearer <token>.'],
    ['an expired token', () => token(['caseworker'], SECRET, -10), 'The token has expired.'],
    [
      'a wrong signature',
      () => token(['caseworker'], `${SECRET}-other`),
      'The token signature is not valid.',
    ],
    ['garbage', () => Promise.resolve('not.a.jwt'), 'The token is malformed.'],
    [
      'an unknown role',
      () => hs256({ roles: ['root'], units: ['unit-1'] }, '5m'),
      "The token's roles claim must be a non-empty list of caseworker, reviewer, auditor, admin.",
    ],
    [
      'no exp claim',
      () => hs256({ roles: ['caseworker'], units: ['unit-1'] }),
      "The token's exp claim is not valid (missing).",
    ],
  ])('refuses %s with a 401 problem saying why', async (_case, makeToken, detail) => {
    const req = post('/cases').send(validBody);
    const res = await (
      makeToken === undefined ? req : req.set('Authorization', `Bearer ${await makeToken()}`)
    ).expect(401);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.body).toEqual({
      type: 'https://errors.union-assistance.local/unauthenticated',
      title: 'Authentication is required',
      status: 401,
      code: 'UNAUTHENTICATED',
      detail,
    });
  });

  it('refuses a principal without the role with 403 FORBIDDEN', async () => {
    const res = await post('/cases/c-1/approve')
      .set('Authorization', `Bearer ${await token(['caseworker'])}`)
      .expect(403);
    expect(res.body).toMatchObject({ code: 'FORBIDDEN', detail: 'This action needs the role reviewer.' });
    await post('/cases/c-1/approve')
      .set('Authorization', `Bearer ${await token(['reviewer'])}`)
      .expect(201);
  });

  it('refuses acting for another unit with 403 FORBIDDEN', async () => {
    const other = await token(['caseworker'], SECRET, 300, ['unit-2']);
    const res = await post('/cases/c-1/duplicate').set('Authorization', `Bearer ${other}`).expect(403);
    expect(res.body).toMatchObject({
      code: 'FORBIDDEN',
      detail: 'You may act only for your own units, and unit unit-1 is not one of them.',
    });
  });

  it('keeps health public, and metrics too when no metrics token is configured (embedded)', async () => {
    await request(app.getHttpServer()).get('/health/live').expect(200);
    await request(app.getHttpServer()).get('/metrics').expect(200);
  });
});
