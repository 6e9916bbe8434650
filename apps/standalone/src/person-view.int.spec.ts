import type { EmbeddedPlatform } from './embedded-platform';
import { bearer, call, expectCall, newIdNumber, startQuietPlatform } from './testing/platform-client.fixture';
import { openCaseThrough } from './testing/platform-world.fixture';

/**
 * Issue 6, "GET /api/v1/people/{idNumber}: the person across the three programmes, composed from
 * the services concurrently, scoped by the caller's units", on the real services: a case opened
 * and assistance paid through the gateway show up in the view, with this year's total.
 */
describe('the person view on the real services', () => {
  let platform: EmbeddedPlatform;
  const idNumber = newIdNumber();
  let caseId = '';

  beforeAll(async () => {
    platform = await startQuietPlatform();
    const cw = await bearer('cw-pv', ['caseworker'], ['u1']);
    caseId = await openCaseThrough(platform.gatewayUrl, cw, 'u1', idNumber);
    const admin = await bearer('admin-pv', ['admin'], ['*']);
    const fund = {
      name: '工会帮扶专项资金',
      year: 2026,
      category: 'any',
      holderOrgId: 'u1',
      amountFen: 10_000_000,
    };
    const { fundId } = await expectCall(
      201,
      platform.gatewayUrl,
      admin,
      'POST',
      '/api/v1/hardship/funds',
      fund,
    );
    const paid = await expectCall(
      201,
      platform.gatewayUrl,
      cw,
      'POST',
      `/api/v1/hardship/cases/${caseId}/assistance`,
      {
        kind: 'cash',
        category: 'living',
        amountFen: 30_001,
        fundId,
        description: '春节慰问金',
      },
    );
    expect(paid.status).toBe('disbursed');
  });
  afterAll(() => platform?.stop());

  it("shows the person's case and what was paid this year, from all three services", async () => {
    const view = await expectCall(
      200,
      platform.gatewayUrl,
      await bearer('rv-pv', ['reviewer'], ['*']),
      'GET',
      `/api/v1/people/${idNumber}`,
    );
    expect(view).toMatchObject({
      idNumberMasked: `${idNumber.slice(0, 6)}********${idNumber.slice(14)}`,
      hardship: { available: true, records: { cases: [{ caseId }], assistance: [{ amountFen: 30_001 }] } },
      grants: { available: true, records: { applications: [], receivedThisYearFen: 0 } },
      medicalAid: { available: true, records: { memberships: [], claims: [], receivedThisYearFen: 0 } },
      receivedThisYearFen: { hardship: 30_001, grants: 0, medicalAid: 0, total: 30_001 },
    });
    expect(JSON.stringify(view)).not.toContain(idNumber);
  });

  it("leaves out another unit's records for a caseworker", async () => {
    const other = await call(
      platform.gatewayUrl,
      await bearer('cw-pv2', ['caseworker'], ['u2']),
      'GET',
      `/api/v1/people/${idNumber}`,
    );
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({
      hardship: { available: true, records: { cases: [], assistance: [] } },
      receivedThisYearFen: { hardship: 0, total: 0 },
    });
  });
});
