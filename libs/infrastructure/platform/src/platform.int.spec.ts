import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { HealthRegistry } from './index';
import { bootTestApp, ID, token, validBody } from './platform-test-app.fixture';

describe('PlatformModule over HTTP', () => {
  let app: INestApplication;
  let auth: string;
  beforeAll(async () => {
    app = await bootTestApp();
    auth = `Bearer ${await token()}`;
  });
  afterAll(() => app.close());

  const get = (path: string) => request(app.getHttpServer()).get(path);
  const post = (path: string) => request(app.getHttpServer()).post(path).set('Authorization', auth);

  describe('validation (400)', () => {
    it('lists each bad field with its dotted path', async () => {
      const wrongCheck = ID[17] === '1' ? '2' : '1';
      const body = {
        ...validBody,
        idNumber: ID.slice(0, 17) + wrongCheck,
        household: { size: 0, monthlyIncomeFen: 1.5 },
      };
      const res = await post('/cases').send(body).expect(400);
      expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(res.body).toMatchObject({
        type: 'https://errors.union-assistance.local/validation-failed',
        status: 400,
        code: 'VALIDATION_FAILED',
      });
      expect(res.body.errors).toEqual([
        { field: 'idNumber', message: `The check character should be ${ID[17]} but is ${wrongCheck}.` },
        { field: 'household.size', message: 'size must not be less than 1.' },
        {
          field: 'household.monthlyIncomeFen',
          message: 'monthlyIncomeFen must be a whole number of fen from 0 to 1000000000000.',
        },
      ]);
    });

    it('refuses unknown fields, nested ones included', async () => {
      const body = { ...validBody, houshold: {}, household: { ...validBody.household, pets: 2 } };
      const res = await post('/cases').send(body).expect(400);
      expect(res.body.errors).toEqual([
        { field: 'houshold', message: "Unknown field 'houshold'." },
        { field: 'household.pets', message: "Unknown field 'pets'." },
      ]);
    });

    it('answers a body that is not JSON with a problem', async () => {
      const res = await post('/cases')
        .set('Content-Type', 'application/json')
        .send('{"idNumber": ')
        .expect(400);
      expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(res.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        detail: 'The request body is not valid JSON.',
      });
      // Body parsing fails before the correlation middleware; the filter still tags the answer.
      expect(res.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('answers a body over the size limit with 413 PAYLOAD_TOO_LARGE', async () => {
      const res = await post('/cases')
        .send({ note: 'x'.repeat(200_000) })
        .expect(413);
      expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
    });
  });

  it('answers an unknown route with a 404 problem', async () => {
    const res = await get('/nowhere?x=1').expect(404);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.body).toMatchObject({ code: 'NOT_FOUND', detail: 'There is no endpoint GET /nowhere.' });
  });

  it('turns a DomainError into its status, with its details as members', async () => {
    const res = await post('/cases/c-1/duplicate').expect(409);
    expect(res.body).toEqual({
      type: 'https://errors.union-assistance.local/duplicate',
      title: 'Already exists',
      status: 409,
      code: 'DUPLICATE',
      detail: 'This person already has an open case.',
      existingCaseId: 'c-7',
    });
  });

  it('hides the cause of an unexpected error behind a 500 with the correlation id', async () => {
    const res = await get('/cases/boom')
      .set('Authorization', auth)
      .set('x-correlation-id', 'corr-500')
      .expect(500);
    expect(res.body).toMatchObject({ code: 'INTERNAL', correlationId: res.headers['x-correlation-id'] });
    expect(JSON.stringify(res.body)).not.toContain('hunter2');
  });

  // Issue 13 item 9: a client's id must never become the correlation id (it would stamp the
  // request onto the trace of another story); it is kept as the client's own reference.
  it("assigns its own correlation id, keeping the caller's only as clientCorrelationId", async () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    const given = await get('/health/live').set('x-correlation-id', 'abc-123').expect(200);
    expect(given.headers['x-correlation-id']).toMatch(uuid);
    expect(given.headers['x-client-correlation-id']).toBe('abc-123');
    const bad = await get('/health/live').set('x-correlation-id', 'bad id\twith tab').expect(200);
    expect(bad.headers['x-correlation-id']).toMatch(uuid);
    expect(bad.headers['x-client-correlation-id']).toBeUndefined();
    const onError = await get('/nowhere').set('x-correlation-id', 'abc-404').expect(404);
    expect(onError.headers['x-correlation-id']).toMatch(uuid);
    expect(onError.headers['x-client-correlation-id']).toBe('abc-404');
    const inside = await get('/cases/context').set('Authorization', auth).set('x-correlation-id', 'abc-ctx');
    expect(inside.body).toEqual({
      correlationId: inside.headers['x-correlation-id'],
      clientCorrelationId: 'abc-ctx',
    });
    expect(inside.body.correlationId).not.toBe('abc-ctx');
  });

  it('serves liveness and readiness: degraded but ready (200) when an optional check fails, 503 on a required one', async () => {
    const health = app.get(HealthRegistry);
    await get('/health/live').expect(200, { status: 'ok', service: 'test' });
    health.register('database', () => Promise.resolve({ ok: true }));
    expect((await get('/health/ready').expect(200)).body).toEqual({
      status: 'ok',
      service: 'test',
      checks: { database: { ok: true } },
    });
    health.register('broker', () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:9092')), {
      required: false,
    });
    expect((await get('/health/ready').expect(200)).body).toMatchObject({
      status: 'degraded',
      checks: {
        database: { ok: true },
        broker: { ok: false, detail: 'connect ECONNREFUSED 127.0.0.1:9092' },
      },
    });
    health.register('database', () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')));
    const res = await get('/health/ready').expect(503);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.body).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      detail: 'Not ready: database, broker.',
      checks: { database: { ok: false, detail: 'connect ECONNREFUSED 127.0.0.1:5432' } },
    });
  });

  it('counts requests per route pattern in /metrics, refused and unmatched ones included', async () => {
    await post('/cases/c-42/approve')
      .set('Authorization', `Bearer ${await token(['reviewer'])}`)
      .expect(201);
    await request(app.getHttpServer()).post('/cases/c-43/approve').expect(401);
    await get('/wp-login.php').expect(404);
    const res = await get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const line = (status: number, route = '/cases/:caseId/approve', method = 'POST') =>
      new RegExp(
        `^http_requests_total\\{method="${method}",route="${route}",status="${status}"\\} [1-9]\\d*$`,
        'm',
      );
    expect(res.text).toContain('# TYPE http_requests_total counter');
    expect(res.text).toMatch(line(201));
    expect(res.text).toMatch(line(401));
    expect(res.text).toMatch(line(404, 'unmatched', 'GET'));
    expect(res.text).toMatch(
      /^http_request_duration_seconds_count\{method="POST",route="\/cases\/:caseId\/approve",status="201"\} \d+$/m,
    );
    expect(res.text).not.toMatch(/c-42|wp-login/);
  });
});
