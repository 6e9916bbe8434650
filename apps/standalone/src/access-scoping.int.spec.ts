import type { EmbeddedPlatform } from './embedded-platform';
import {
  bearer,
  call,
  eventually,
  expectCall,
  newIdNumber,
  startQuietPlatform,
} from './testing/platform-client.fixture';
import { caseBody, openCaseThrough } from './testing/platform-world.fixture';

const encodeAll = (text: string): string =>
  [...text].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join('');

/**
 * Issue 13, items 4 and 7, through the gateway on the real services: what a caseworker of another
 * unit learns of a person's hardship case, and the access log of an admin's read as auditors list
 * it, in the shape the gateway's OpenAPI document gives.
 */
describe('unit scoping and the access log through the gateway', () => {
  let platform: EmbeddedPlatform;
  const idNumber = newIdNumber();
  let caseId = '';

  beforeAll(async () => {
    platform = await startQuietPlatform();
    const cw = await bearer('cw-s1', ['caseworker'], ['u1']);
    caseId = await openCaseThrough(platform.gatewayUrl, cw, 'u1', idNumber);
  });
  afterAll(() => platform?.stop());

  it("tells another unit's caseworker eligible and tier, never the case's id; auditors see it", async () => {
    const auditor = await bearer('au-s', ['auditor'], ['u-audit']);
    for (const programme of ['grants', 'medical-aid']) {
      const path = `/api/v1/${programme}/eligibility/${idNumber}`;
      const seen = await eventually(`${programme} learns of the case`, async () => {
        const answer = await call(platform.gatewayUrl, auditor, 'GET', path);
        return answer.body.hasOpenCase === true ? answer.body : undefined;
      });
      expect(seen).toMatchObject({ caseId });
      const other = await call(
        platform.gatewayUrl,
        await bearer('cw-s2', ['caseworker'], ['u2']),
        'GET',
        path,
      );
      expect(other.status).toBe(200);
      expect(other.body).toEqual({
        idNumberMasked: expect.any(String) as string,
        hasOpenCase: true,
        tier: 'deep',
      });
      expect(other.text).not.toContain(caseId);
    }
    const doc = await expectCall(200, platform.gatewayUrl, undefined, 'GET', '/docs-json');
    const eligibility = (doc.components as { schemas: Record<string, { properties: object }> }).schemas
      .Eligibility;
    expect(Object.keys(eligibility.properties).sort()).toEqual([
      'caseId',
      'hasOpenCase',
      'idNumberMasked',
      'tier',
    ]);
    const duplicate = await call(
      platform.gatewayUrl,
      await bearer('cw-s2', ['caseworker'], ['u2']),
      'POST',
      '/api/v1/hardship/cases',
      caseBody('u2', idNumber),
    );
    expect(duplicate.status).toBe(409);
    expect(duplicate.text).not.toContain(caseId);
  });

  it("lists an admin's audit read with its query, masked path and correlation id, as documented", async () => {
    const admin = await bearer('admin-s', ['admin'], ['u-9']);
    const read = await call(
      platform.gatewayUrl,
      admin,
      'GET',
      `/api/v1/audit/hardship-cases/streams/case-${caseId}/events?fromVersion=1`,
    );
    expect(read.status).toBe(200);
    await expectCall(
      200,
      platform.gatewayUrl,
      admin,
      'GET',
      `/api/v1/audit/people/${encodeAll(idNumber)}/timeline`,
    );
    const listed = await expectCall(
      200,
      platform.gatewayUrl,
      await bearer('au-s', ['auditor'], ['u-audit']),
      'GET',
      '/api/v1/audit/hardship-cases/access-log?actor=admin-s',
    );
    const items = listed.items as Record<string, unknown>[];
    expect(items).toEqual([
      expect.objectContaining({
        path: `/api/v1/audit/people/${idNumber.slice(0, 6)}********${idNumber.slice(14)}/events`,
        query: null,
      }),
      expect.objectContaining({
        actor: 'admin-s',
        roles: ['admin'],
        units: ['u-9'],
        method: 'GET',
        path: `/api/v1/audit/streams/case-${caseId}/events`,
        query: { fromVersion: '1' },
        subject: `case-${caseId}`,
        correlationId: read.headers.get('x-correlation-id'),
      }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(idNumber.slice(6, 14));
    const doc = await expectCall(200, platform.gatewayUrl, undefined, 'GET', '/docs-json');
    const schema = (doc.components as { schemas: Record<string, { properties: Record<string, unknown> }> })
      .schemas.AccessLogPage.properties.items as { items: { properties: Record<string, unknown> } };
    expect(Object.keys(schema.items.properties).sort()).toEqual(Object.keys(items[0]).sort());
  });
});
