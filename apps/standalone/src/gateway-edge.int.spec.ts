import { TRAVERSAL_CORPUS, sendRaw } from '@union/gateway/testing';
import {
  assertionPrivateKey,
  GATEWAY_ASSERTION_HEADER,
  generateAssertionKeys,
  signGatewayAssertion,
} from '@union/platform';
import type { EmbeddedPlatform } from './embedded-platform';
import { bearer, call, newIdNumber, startQuietPlatform } from './testing/platform-client.fixture';
import { caseBody, openCaseThrough } from './testing/platform-world.fixture';

/** The requests each service served, per route pattern, from its own /metrics (scrapes left out). */
async function servedByRoute(platform: EmbeddedPlatform): Promise<Map<string, number>> {
  const served = new Map<string, number>();
  for (const [name, { url }] of Object.entries(platform.services)) {
    const text = await (await fetch(`${url}/metrics`)).text();
    for (const [, route, count] of text.matchAll(
      /^http_requests_total\{[^}]*route="([^"]*)"[^}]*\} (\d+)$/gm,
    )) {
      if (route === '/metrics') continue;
      const key = `${name} ${route}`;
      served.set(key, (served.get(key) ?? 0) + Number(count));
    }
  }
  return served;
}

function difference(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after].filter(([key, n]) => n !== (before.get(key) ?? 0)).map(([key]) => key);
}

/**
 * The gateway's edge on the real services (the embedded platform). Issue 13, item 1: every
 * request target of the traversal corpus sent as it is on the wire, with the token of the role it
 * names. Each answers the corpus's status; none answers with the person's records or a service's
 * metrics; and none reaches a service, except the harmless spellings of a route its sender may
 * call, which reach exactly that route.
 */
describe('the gateway edge, on the real services', () => {
  let platform: EmbeddedPlatform;
  const idNumber = newIdNumber();
  // The gateway's key pair, known here so the test can call a service as the gateway would.
  const keys = generateAssertionKeys();

  beforeAll(async () => {
    platform = await startQuietPlatform({
      GATEWAY_ASSERTION_PRIVATE_KEY: keys.privateKey,
      GATEWAY_ASSERTION_PUBLIC_KEY: keys.publicKey,
    });
    const cw = await bearer('cw-trav', ['caseworker'], ['u1']);
    await openCaseThrough(platform.gatewayUrl, cw, 'u1', idNumber);
  });
  afterAll(() => platform?.stop());

  it('the person has records a traversal would reveal (the corpus aims at something real)', async () => {
    const service = platform.services['hardship-cases'].url;
    const path = `/api/v1/hardship/people/${idNumber}`;
    const authorization = await bearer('auditor-trav', ['auditor'], ['*']);
    const assertion = signGatewayAssertion(assertionPrivateKey('keys', keys.privateKey), {
      service: 'hardship-cases',
      method: 'GET',
      url: path,
      authorization,
      correlationId: 'edge-target-check',
    });
    const direct = await sendRaw(service, 'GET', path, {
      authorization,
      [GATEWAY_ASSERTION_HEADER]: assertion,
    });
    expect(direct.status).toBe(200);
    expect(direct.text).toContain('"caseId"');
  });

  // Issue 13, item 8 (the gateway's half): the client learns that its write was not done again.
  it('passes Idempotent-Replayed on when a service replays a write', async () => {
    const cw = await bearer('cw-replay', ['caseworker'], ['u1']);
    const body = caseBody('u1', newIdNumber());
    const key = { 'idempotency-key': `replay-${idNumber}` };
    const first = await call(platform.gatewayUrl, cw, 'POST', '/api/v1/hardship/cases', body, key);
    const again = await call(platform.gatewayUrl, cw, 'POST', '/api/v1/hardship/cases', body, key);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.caseId).toBe(first.body.caseId);
  });

  it.each(TRAVERSAL_CORPUS.map((p) => [p.name, p] as const))('%s', async (_name, probe) => {
    const authorization = await bearer(`${probe.as}-trav`, [probe.as], ['*']);
    const before = await servedByRoute(platform);
    const body = probe.method === 'GET' ? undefined : '{}';
    const headers = { authorization, ...(body ? { 'content-type': 'application/json' } : {}) };
    const res = await sendRaw(
      platform.gatewayUrl,
      probe.method,
      probe.target.replace('{idNumber}', idNumber),
      headers,
      body,
    );
    const reached = difference(before, await servedByRoute(platform));

    expect({ status: res.status, reached }).toEqual({
      status: probe.status,
      reached: probe.serviceRoute ? [`hardship-cases ${probe.serviceRoute}`] : [],
    });
    if (res.status >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
    // No records of the person (a refusal may echo the path it refused, never an answer).
    for (const leak of ['"caseId"', 'receivedThisYearFen', 'idNumberMasked', 'http_requests_total']) {
      expect(res.text).not.toContain(leak);
    }
  });
});
