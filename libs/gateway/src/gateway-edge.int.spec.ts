import request from 'supertest';
import type { App } from 'supertest/types';
import { bearer, startGateway, type TestGateway } from './gateway-test.fixture';
import {
  jsonPrefix,
  openRawConnection,
  requestHead,
  sendRaw,
  type RawConnection,
} from './testing/raw-request';
import { TRAVERSAL_CORPUS } from './testing/traversal-corpus';

const MiB = 1024 * 1024;
const ID = '110105198001010024';
const JSON_HEADERS = { 'Content-Type': 'application/json' };

async function listening(gw: TestGateway): Promise<string> {
  await gw.app.listen(0, '127.0.0.1');
  return (await gw.app.getUrl()).replace('[::1]', '127.0.0.1');
}

const receivedBy = (gw: TestGateway) =>
  gw.hardship.received.length + gw.grants.received.length + gw.medical.received.length;

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
      [
        '/api/v1/hardship/cases?status=open&note=%2F..%2F;x&unitId=u-1',
        '/api/v1/hardship/cases?status=open&note=%2F..%2F;x&unitId=u-1',
      ],
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
 * the route. Each upload below announces a body and sends only its start: a gateway that read
 * the body first would never answer, as the rest never comes.
 */
describe('gateway bodies', () => {
  let gw: TestGateway;
  let url: string;
  const open: RawConnection[] = [];
  beforeAll(async () => {
    gw = await startGateway({ AUTH_DEV_LOGIN: 'true' });
    url = await listening(gw);
  });
  afterAll(async () => {
    open.forEach((c) => c.destroy());
    await gw.close();
  });

  /** Sends the head of `method target` announcing `length` bytes, then the first `sent` of them. */
  function upload(
    method: string,
    target: string,
    headers: Record<string, string>,
    length: number,
    sent: number,
  ) {
    const connection = openRawConnection(url);
    open.push(connection);
    connection.write(requestHead(method, target, { 'content-type': 'application/json', ...headers }, length));
    if (sent > 0) connection.write(jsonPrefix(sent));
    return connection;
  }

  it.each([
    ['no token', 'POST', '/api/v1/hardship/cases', undefined, 401],
    ['a bad token', 'POST', '/api/v1/hardship/cases', 'Bearer not.a.token', 401],
    ['a role the route does not allow', 'POST', '/api/v1/hardship/cases', ['reviewer'], 403],
    ['a route the table lacks', 'POST', '/api/v1/hardship/nothing-here', ['caseworker'], 404],
    ['a route that takes no body', 'POST', '/api/v1/grants/campaigns/c-1/close', ['admin'], 400],
    ['a path the rule refuses', 'POST', '/api/v1/hardship/cases/..%2f', ['caseworker'], 400],
    ['the gateway’s person view, no token', 'GET', `/api/v1/people/${ID}`, undefined, 401],
    ['the gateway’s audit trace, no token', 'GET', '/api/v1/audit/trace/t-1', undefined, 401],
    ['no route of the gateway’s own', 'POST', `/api/v1/people/${ID}`, ['reviewer'], 404],
  ] as const)(
    'with %s (%s %s): answered before the body is sent',
    async (_what, method, target, who, status) => {
      const before = receivedBy(gw);
      const authorization = who === undefined ? undefined : typeof who === 'string' ? who : await bearer(who);
      // Within the gateway's own routes' 16 KiB, so that the answer keeps the connection for both kinds.
      const length = target.startsWith('/api/v1/people') || target.includes('trace') ? 16 * 1024 : 8 * MiB;
      const answer = await upload(
        method,
        target,
        authorization ? { authorization } : {},
        length,
        4096,
      ).answer();
      expect({ status: answer?.status, connection: answer?.headers.connection }).toEqual({
        status,
        connection: 'keep-alive',
      });
      expect(receivedBy(gw)).toBe(before);
    },
  );

  it('drains the rest of a refused body unparsed, keeping the connection in step for the next request', async () => {
    const connection = upload('POST', '/api/v1/hardship/cases', {}, 1 * MiB, 64 * 1024);
    expect((await connection.answer())?.status).toBe(401);
    connection.write(Buffer.alloc(1 * MiB - 64 * 1024, 'x'));
    connection.write(
      requestHead('GET', '/api/v1/hardship/cases', { authorization: await bearer(['auditor']) }, 0),
    );
    expect((await connection.answer())?.status).toBe(200);
  });

  it.each([
    ['a chunked body', { 'transfer-encoding': 'chunked' }, 0],
    ['a body over the limit', {}, 8 * MiB + 1],
  ])(
    'closes the connection on a refused request with %s, without reading it',
    async (_what, headers, length) => {
      const connection = upload('POST', '/api/v1/hardship/cases', headers, length, 0);
      if (length === 0) connection.write(`10000\r\n${jsonPrefix(4096).toString()}`);
      const answer = await connection.answer();
      expect({ status: answer?.status, connection: answer?.headers.connection }).toEqual({
        status: 401,
        connection: 'close',
      });
      expect(await connection.closedWithin(1000)).toBe(true);
    },
  );

  it('refuses a Content-Length over the limit with 413 before a byte of the body is sent', async () => {
    const connection = upload(
      'POST',
      '/api/v1/hardship/cases',
      { authorization: await bearer(['caseworker']) },
      8 * MiB + 1,
      0,
    );
    const answer = await connection.answer();
    expect(answer).toMatchObject({ status: 413, headers: { connection: 'close' } });
    expect(JSON.parse(answer?.body ?? '{}')).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(await connection.closedWithin(1000)).toBe(true);
  });

  it('refuses a dev-token body over 16 KiB (413) or chunked (411) unread, and still parses a small one', async () => {
    const tooLarge = upload('POST', '/api/v1/auth/dev-token', {}, 1 * MiB, 1024);
    expect(await tooLarge.answer()).toMatchObject({ status: 413, headers: { connection: 'close' } });
    const chunked = upload('POST', '/api/v1/auth/dev-token', { 'transfer-encoding': 'chunked' }, 0, 0);
    expect(await chunked.answer()).toMatchObject({ status: 411, headers: { connection: 'close' } });
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
    const connection = openRawConnection(url);
    open.push(connection);
    const authorization = await bearer(['caseworker'], { units: ['u-1'] });
    const post = (body: string) => {
      connection.write(
        requestHead('POST', '/api/v1/hardship/cases', { authorization, ...JSON_HEADERS }, body.length),
      );
      connection.write(body);
      return connection.answer();
    };
    expect(await post('{"unitId":"u-1","n":1e309}')).toMatchObject({
      status: 200,
      headers: { connection: 'keep-alive' },
    });
    expect(gw.hardship.received.at(-1)?.body).toBe('{"unitId":"u-1","n":1e309}');
    // The body's unit is checked once it is read; the same connection carries the next request.
    expect(await post('{"unitId":"u-2"}')).toMatchObject({
      status: 403,
      headers: { connection: 'keep-alive' },
    });
  });
});

describe('gateway bodies and the rate limit', () => {
  let gw: TestGateway;
  afterAll(() => gw.close());

  it('answers 429 to a user over the limit before reading the body, and cuts the upload off', async () => {
    gw = await startGateway({ RATE_LIMIT_PER_MINUTE: '2' });
    const url = await listening(gw);
    const authorization = await bearer(['caseworker'], { sub: 'busy' });
    for (let i = 0; i < 2; i++)
      expect((await sendRaw(url, 'GET', '/api/v1/hardship/cases', { authorization })).status).toBe(200);
    const connection = openRawConnection(url);
    connection.write(
      requestHead('POST', '/api/v1/hardship/cases', { authorization, ...JSON_HEADERS }, 8 * MiB),
    );
    connection.write(jsonPrefix(64 * 1024));
    expect(await connection.answer()).toMatchObject({ status: 429, headers: { connection: 'close' } });
    expect(await connection.closedWithin(1000)).toBe(true);
    connection.destroy();
  });
});
