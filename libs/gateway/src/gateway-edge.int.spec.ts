import { Agent, request as httpRequest } from 'node:http';
import request from 'supertest';
import type { App } from 'supertest/types';
import { bearer, startGateway, type TestGateway } from './gateway-test.fixture';
import { sendPartialUpload, sendRaw } from './testing/raw-request';
import { TRAVERSAL_CORPUS } from './testing/traversal-corpus';

const MiB = 1024 * 1024;
const ID = '110105198001010024';
const JSON_HEADERS = { 'Content-Type': 'application/json' };

async function listening(gw: TestGateway): Promise<string> {
  await gw.app.listen(0, '127.0.0.1');
  return (await gw.app.getUrl()).replace('[::1]', '127.0.0.1');
}

const receivedBy = (gw: TestGateway) => gw.hardship.received.length + gw.grants.received.length + gw.medical.received.length;

/** Issue 13, item 1, against stub services: the path rule on every route, and the path forwarded as matched. */
describe('gateway paths', () => {
  let gw: TestGateway;
  let url: string;
  beforeAll(async () => {
    gw = await startGateway();
    url = await listening(gw);
  });
  afterAll(() => gw.close());

  it('refuses every corpus target the rule refuses with 400, on forwarded and own routes, before the token', async () => {
    const before = receivedBy(gw);
    for (const probe of TRAVERSAL_CORPUS.filter((p) => p.status === 400)) {
      const res = await sendRaw(url, probe.method, probe.target.replace('{idNumber}', ID));
      expect([probe.name, res.status, res.headers['content-type']]).toEqual([
        probe.name,
        400,
        'application/problem+json; charset=utf-8',
      ]);
      expect(JSON.parse(res.text)).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    expect(receivedBy(gw)).toBe(before);
  });

  it('forwards the path and query byte for byte as they were matched', async () => {
    const caseworker = { authorization: await bearer(['caseworker'], { units: ['u-1'] }) };
    const sent = [
      ['/api/v1/hardship/cases/a%20b%E7%8E%8B', '/api/v1/hardship/cases/a%20b%E7%8E%8B'],
      ['/api/v1/hardship/cases/c-1/', '/api/v1/hardship/cases/c-1/'],
      ['/api/v1/hardship/cases?status=open&note=%2F..%2F;x&unitId=u-1', '/api/v1/hardship/cases?status=open&note=%2F..%2F;x&unitId=u-1'],
    ];
    for (const [target, expected] of sent) {
      expect((await sendRaw(url, 'GET', target, caseworker)).status).toBe(200);
      expect(gw.hardship.received.at(-1)?.url).toBe(expected);
    }
    const auditor = { authorization: await bearer(['auditor']) };
    await sendRaw(url, 'GET', '/api/v1/audit/medical-aid/streams/claim-%3A1/events?fromVersion=2', auditor);
    expect(gw.medical.received.at(-1)?.url).toBe('/api/v1/audit/streams/claim-%3A1/events?fromVersion=2');
  });

  it('checks every unitId of a repeated query parameter against the caller’s units', async () => {
    const before = receivedBy(gw);
    const res = await sendRaw(url, 'GET', '/api/v1/hardship/cases?unitId=u-1&unitId=u-2', {
      authorization: await bearer(['caseworker'], { units: ['u-1'] }),
    });
    expect(res.status).toBe(403);
    expect(receivedBy(gw)).toBe(before);
  });
});

/**
 * Issue 13, item 6: no body is read before its sender is known, within the rate limit and allowed
 * the route. Each upload below announces 8 MiB and sends 64 KiB: a gateway that read the body
 * first would never answer, as the rest never comes.
 */
describe('gateway bodies', () => {
  let gw: TestGateway;
  let url: string;
  beforeAll(async () => {
    gw = await startGateway({ AUTH_DEV_LOGIN: 'true' });
    url = await listening(gw);
  });
  afterAll(() => gw.close());

  const upload = (method: string, target: string, headers: Record<string, string>, length = 8 * MiB, sent = 64 * 1024) =>
    sendPartialUpload(url, { method, target, headers: { 'content-type': 'application/json', ...headers }, length, sent });

  it.each([
    ['no token', 'POST', '/api/v1/hardship/cases', undefined, 401],
    ['a bad token', 'POST', '/api/v1/hardship/cases', 'Bearer not.a.token', 401],
    ['a role the route does not allow', 'POST', '/api/v1/hardship/cases', ['reviewer'], 403],
    ['a route the table lacks', 'POST', '/api/v1/hardship/nothing-here', ['caseworker'], 404],
    ['a route that takes no body', 'POST', '/api/v1/grants/campaigns/c-1/close', ['admin'], 400],
    ['the gateway’s person view, no token', 'GET', `/api/v1/people/${ID}`, undefined, 401],
    ['the gateway’s audit trace, no token', 'GET', '/api/v1/audit/trace/t-1', undefined, 401],
    ['no route of the gateway’s own', 'POST', `/api/v1/people/${ID}`, ['reviewer'], 404],
  ] as const)('with %s (%s %s): refused before the body is sent, and the connection closed', async (_what, method, target, who, status) => {
    const before = receivedBy(gw);
    const authorization = who === undefined ? undefined : typeof who === 'string' ? who : await bearer(who);
    const res = await upload(method, target, authorization ? { authorization } : {});
    expect({ status: res.status, connection: res.headers.connection, closed: res.closed }).toEqual({
      status,
      connection: 'close',
      closed: true,
    });
    expect(receivedBy(gw)).toBe(before);
  });

  it('refuses a Content-Length over the limit with 413 before a byte of the body is sent', async () => {
    const res = await upload('POST', '/api/v1/hardship/cases', { authorization: await bearer(['caseworker']) }, 8 * MiB + 1, 0);
    expect(res).toMatchObject({ status: 413, closed: true, headers: { connection: 'close' } });
    expect(JSON.parse(res.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('refuses a dev-token body over its 16 KiB limit with 413 unread, and still parses a small one', async () => {
    const res = await upload('POST', '/api/v1/auth/dev-token', {}, 1 * MiB, 1024);
    expect(res).toMatchObject({ status: 413, closed: true });
    const chunked = await upload('POST', '/api/v1/auth/dev-token', { 'transfer-encoding': 'chunked' }, 0, 0);
    expect(chunked).toMatchObject({ status: 411, closed: true });
    const token = await request(gw.app.getHttpServer() as App)
      .post('/api/v1/auth/dev-token')
      .send({ sub: 'dev', roles: ['caseworker'], units: ['u-1'] });
    expect(token.status).toBe(200);
    expect(token.body).toHaveProperty('token');
  });

  it('does not parse the body of a request without a valid token: malformed JSON is a 401, not a 400', async () => {
    const server = gw.app.getHttpServer() as App;
    for (const path of ['/api/v1/hardship/cases', `/api/v1/people/${ID}`]) {
      const res = await request(server).post(path).set(JSON_HEADERS).send('{"person": ');
      expect([path, res.status]).toEqual([path, path.includes('people') ? 404 : 401]);
    }
    const res = await request(server).get(`/api/v1/people/${ID}`).set(JSON_HEADERS).send('{"person": ');
    expect(res.status).toBe(401);
  });

  it('still reads, checks and forwards an allowed caller’s body, on a connection kept alive', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const authorization = await bearer(['caseworker'], { units: ['u-1'] });
    const post = (body: string) =>
      new Promise<{ status: number; connection?: string; socket: unknown }>((resolve, reject) => {
        const req = httpRequest(`${url}/api/v1/hardship/cases`, { method: 'POST', agent, headers: { authorization, ...JSON_HEADERS } }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, socket: req.socket }));
        });
        req.on('error', reject);
        req.end(body);
      });
    try {
      const first = await post('{"unitId":"u-1","n":1e309}');
      expect(first).toMatchObject({ status: 200, connection: 'keep-alive' });
      expect(gw.hardship.received.at(-1)?.body).toBe('{"unitId":"u-1","n":1e309}');
      // The body's unit is checked once read; the refusal leaves nothing unread, so the connection stays.
      const second = await post('{"unitId":"u-2"}');
      expect(second).toMatchObject({ status: 403, connection: 'keep-alive' });
      expect(second.socket).toBe(first.socket);
    } finally {
      agent.destroy();
    }
  });
});

describe('gateway bodies and the rate limit', () => {
  let gw: TestGateway;
  afterAll(() => gw.close());

  it('answers 429 to a user over the limit before reading the body', async () => {
    gw = await startGateway({ RATE_LIMIT_PER_MINUTE: '2' });
    const url = await listening(gw);
    const authorization = await bearer(['caseworker'], { sub: 'busy' });
    for (let i = 0; i < 2; i++) expect((await sendRaw(url, 'GET', '/api/v1/hardship/cases', { authorization })).status).toBe(200);
    const res = await sendPartialUpload(url, {
      method: 'POST',
      target: '/api/v1/hardship/cases',
      headers: { authorization, 'content-type': 'application/json' },
      length: 8 * MiB,
      sent: 64 * 1024,
    });
    expect(res).toMatchObject({ status: 429, closed: true, headers: { connection: 'close' } });
  });
});
