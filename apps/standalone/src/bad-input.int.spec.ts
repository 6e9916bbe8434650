import { ROUTE_TABLE } from '@union/gateway';
import type { EmbeddedPlatform } from './embedded-platform';
import { corpusFor } from './testing/bad-input-corpus';
import {
  bearer,
  call,
  eventCounts,
  expectCall,
  startQuietPlatform,
  TODAY,
} from './testing/platform-client.fixture';
import { buildWorld, type World } from './testing/platform-world.fixture';
import { EXPECTATIONS } from './testing/route-expectations';

const PROBLEM = 'application/problem+json';
const WRITE_ROUTES = ROUTE_TABLE.filter((r) => r.method !== 'GET' && r.body !== undefined);
/** Optional fields of the valid bodies, where `null` means "not given" and is fine. */
const OPTIONAL: Record<string, string[]> = {
  'POST /api/v1/hardship/cases/{caseId}/assistance/{assistanceId}/approve': ['reason'],
  'POST /api/v1/hardship/holiday-batches/{batchId}/approve': ['reason'],
  'POST /api/v1/medical-aid/periods': ['rules.hardshipRisk.thresholdFen'],
};

/**
 * Issue 6's bad-input corpus through the gateway, against the real services: every write route
 * that takes a body gets malformed JSON, wrong types, unknown fields, huge strings and numbers,
 * negative and fractional fen, invalid identity numbers, SQL and script injection and unicode
 * edge cases (NUL, lone surrogates, RTL, emoji). Each must be a 4xx problem+json with a code, and
 * no service may have stored an event.
 */
describe('bad input through the gateway, on the real services', () => {
  let platform: EmbeddedPlatform;
  let world: World;
  let auth: string;

  /** Event counts once asynchronous deliveries (referrals, external assistance) have settled. */
  async function settledCounts(): Promise<Record<string, number>> {
    let last = JSON.stringify(await eventCounts(platform));
    for (;;) {
      await platform.bus.idle();
      await new Promise((r) => setTimeout(r, 600));
      const now = JSON.stringify(await eventCounts(platform));
      if (now === last) return JSON.parse(now) as Record<string, number>;
      last = now;
    }
  }

  beforeAll(async () => {
    platform = await startQuietPlatform();
    world = await buildWorld(platform);
    auth = await bearer('bad-input', ['caseworker', 'reviewer', 'admin'], ['*']);
  });
  afterAll(() => platform?.stop());

  it('covers every write route: all but the bodiless commands take a body', () => {
    const bodiless = ROUTE_TABLE.filter((r) => r.method !== 'GET' && r.body === undefined).map((r) => r.path);
    expect(bodiless.filter((p) => !/\/campaigns\/\{campaignId\}\/close$|\/rebuild-compare$/.test(p))).toEqual(
      [],
    );
  });

  it.each(WRITE_ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', async (key, route) => {
    // A record the valid body succeeds on (checked last), so every refusal is the input's doing.
    const expectation = EXPECTATIONS[key];
    const cell = await expectation.make(world, 'u1', true);
    const probes = corpusFor(cell.body as never, OPTIONAL[key] ?? []);
    const before = await settledCounts();
    const wrong: string[] = [];
    for (const probe of probes) {
      const res = await call(platform.gatewayUrl, auth, route.method, cell.path, probe.text, {
        'content-type': probe.contentType ?? 'application/json',
      });
      // A bad identity number or name rejects one row of an enrollment, not the request (DOMAIN.md §3).
      const rowRejected =
        key.endsWith('/enrollments') &&
        res.status === 200 &&
        res.body.enrolled === 0 &&
        (res.body.rejected as unknown[]).length === 1;
      const problem =
        res.status >= 400 &&
        res.status < 500 &&
        res.headers.get('content-type')?.includes(PROBLEM) &&
        typeof res.body.code === 'string' &&
        res.body.status === res.status;
      if (!problem && !rowRejected) wrong.push(`${probe.name}: ${res.status} ${res.text.slice(0, 200)}`);
    }
    expect(wrong).toEqual([]);
    expect(await settledCounts()).toEqual(before);
    const valid = await call(platform.gatewayUrl, auth, route.method, cell.path, cell.body);
    expect([valid.status, valid.text.slice(0, 300)]).toEqual([expectation.ok, expect.any(String)]);
  });

  it('keeps injection, script and unicode text verbatim where free text is allowed, and stores it once', async () => {
    const findings = "'; DROP TABLE events; -- <script>alert(1)</script> \u202E右到左 😀 王建国";
    const caseId = await world.fresh.caseId('u1');
    const before = await settledCounts();
    await expectCall(201, platform.gatewayUrl, auth, 'POST', `/api/v1/hardship/cases/${caseId}/visits`, {
      visitedOn: TODAY,
      visitor: '张红',
      findings,
    });
    const detail = await expectCall(
      200,
      platform.gatewayUrl,
      auth,
      'GET',
      `/api/v1/hardship/cases/${caseId}`,
    );
    expect((detail.visits as { findings: string }[])[0].findings).toBe(findings);
    expect((await settledCounts())['hardship-cases']).toBe(before['hardship-cases'] + 1);
  });

  it('refuses ids in the path that are not ids, without a 5xx', async () => {
    for (const id of [
      "'; DROP TABLE events; --",
      '<script>',
      '%00',
      '%F0%9F%98%80',
      '..%2F..%2Fetc',
      '1e309',
    ]) {
      const res = await call(platform.gatewayUrl, auth, 'POST', `/api/v1/hardship/cases/${id}/visits`, {
        visitedOn: TODAY,
        visitor: '张红',
        findings: 'x',
      });
      expect([id, res.status < 500 && res.status >= 400, res.headers.get('content-type')]).toEqual([
        id,
        true,
        expect.stringContaining(PROBLEM),
      ]);
    }
  });
});
