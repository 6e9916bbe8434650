import { HEADERS, TOPICS } from '@union/contracts';
import type { BusMessage } from '@union/messaging';
import type { EmbeddedPlatform } from './embedded-platform';
import { bearer, call, eventually, startQuietPlatform } from './testing/platform-client.fixture';
import { caseBody } from './testing/platform-world.fixture';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Issue 6, "Request logs … with a correlation id that travels through the services into event
 * metadata and Kafka headers; /metrics with request counts and latency histograms per route", on
 * the real services: the id the gateway makes comes back in the response, is stamped on the
 * stored event and on the integration message the outbox relay publishes. A client's own id is
 * never the correlation id (issue 13 item 9: it could join another story's trace); it is kept as
 * `clientCorrelationId`, echoed and stamped beside it.
 */
describe('correlation ids and metrics through the gateway, on the real services', () => {
  let platform: EmbeddedPlatform;
  let auth: string;
  const published: BusMessage[] = [];

  beforeAll(async () => {
    platform = await startQuietPlatform();
    auth = await bearer('cw-obs', ['caseworker'], ['u1']);
    platform.bus.subscribe('observability-test', TOPICS.hardshipCases, (m) => {
      published.push(m);
      return Promise.resolve();
    });
  });
  afterAll(() => platform?.stop());

  async function openCase(headers: Record<string, string>) {
    const res = await call(
      platform.gatewayUrl,
      auth,
      'POST',
      '/api/v1/hardship/cases',
      caseBody('u1'),
      headers,
    );
    expect(res.status).toBe(201);
    const caseId = String(res.body.caseId);
    const [event] = await platform.services['hardship-cases'].infra.store.readStream(`case-${caseId}`);
    const message = await eventually('the HardshipCaseOpened message', () =>
      Promise.resolve(published.find((m) => m.headers[HEADERS.eventId] === event.eventId)),
    );
    return {
      echoed: res.headers.get('x-correlation-id'),
      client: res.headers.get('x-client-correlation-id'),
      event,
      message,
    };
  }

  it("keeps a client's x-correlation-id as its reference only, never as the correlation id", async () => {
    // A client that knows another story's id (here: the first case's) cannot join that trace.
    const first = await openCase({});
    const { echoed, client, event, message } = await openCase({ 'x-correlation-id': String(first.echoed) });
    expect(echoed).toMatch(UUID);
    expect(echoed).not.toBe(first.echoed);
    expect(client).toBe(first.echoed);
    expect(event.metadata).toMatchObject({
      correlationId: echoed,
      clientCorrelationId: first.echoed,
      actor: 'cw-obs',
    });
    expect(message.headers).toMatchObject({
      [HEADERS.correlationId]: echoed,
      [HEADERS.eventType]: 'HardshipCaseOpened',
    });
  });

  it('makes a correlation id for every request and uses it all the way; an unsafe client id is dropped', async () => {
    const cases: Record<string, string>[] = [{}, { 'x-correlation-id': 'bad id\twith "quotes"' }];
    for (const headers of cases) {
      const { echoed, client, event, message } = await openCase(headers);
      expect(echoed).toMatch(UUID);
      expect(client).toBeNull();
      expect(event.metadata.correlationId).toBe(echoed);
      expect(event.metadata).not.toHaveProperty('clientCorrelationId');
      expect(message.headers[HEADERS.correlationId]).toBe(echoed);
    }
  });

  it('counts and times requests per route of the table at the gateway, refusals included', async () => {
    const other = await bearer('rv-obs', ['reviewer'], ['u1']);
    await call(platform.gatewayUrl, other, 'POST', '/api/v1/hardship/cases', caseBody('u1'));
    await call(
      platform.gatewayUrl,
      undefined,
      'GET',
      '/api/v1/hardship/cases/5f0c6a43-7a55-4b0e-9d1a-1c4b8f0f1a11',
    );
    const metrics = (await call(platform.gatewayUrl, undefined, 'GET', '/metrics')).text;
    const series = (name: string, labels: string) =>
      metrics.split('\n').find((line) => line.startsWith(`${name}{${labels}`));
    const created = 'method="POST",route="/api/v1/hardship/cases",status="201"';
    expect(series('http_requests_total', created)).toBe(`http_requests_total{${created}} 4`);
    expect(series('http_request_duration_seconds_count', created)).toBe(
      `http_request_duration_seconds_count{${created}} 4`,
    );
    expect(series('http_request_duration_seconds_bucket', `${created},le="+Inf"`)).toMatch(/ 4$/);
    expect(
      series('http_requests_total', 'method="POST",route="/api/v1/hardship/cases",status="403"'),
    ).toMatch(/ 1$/);
    expect(
      series('http_requests_total', 'method="GET",route="/api/v1/hardship/cases/{caseId}",status="401"'),
    ).toMatch(/ 1$/);
    // The service counts the same requests under its own route pattern.
    const service = (await call(platform.services['hardship-cases'].url, undefined, 'GET', '/metrics')).text;
    expect(service).toContain(
      'http_requests_total{method="POST",route="/api/v1/hardship/cases",status="201"} 4',
    );
  });
});
