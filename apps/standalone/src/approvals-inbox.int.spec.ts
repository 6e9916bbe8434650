import type { EmbeddedPlatform } from './embedded-platform';
import {
  bearer,
  call,
  eventually,
  expectCall,
  newIdNumber,
  startQuietPlatform,
} from './testing/platform-client.fixture';
import {
  campaignBody,
  claimBody,
  holidayBatchBody,
  openCaseThrough,
  periodBody,
} from './testing/platform-world.fixture';

type Item = {
  kind: string;
  id: string;
  submittedBy: string;
  amountFen: number;
  record: Record<string, unknown>;
};

/**
 * Issue 16, the reviewer's approvals inbox (`GET /api/v1/approvals`), on the real services: one
 * list across the programmes (assistance above the threshold, grant applications, claims,
 * holiday batches in draft), each with what its decision needs, scoped by the caller's units,
 * and never what the caller submitted (four eyes, at the gateway; the decision itself still
 * answers SAME_ACTOR). A programme whose service is down is marked unavailable, the rest shown.
 */
describe('the approvals inbox on the real services', () => {
  let platform: EmbeddedPlatform;
  let url: string;
  /** A caseworker of u1, and a second person of u1 holding both roles (who submits too). */
  let cw: string;
  let both: string;
  const theirs = {} as Record<'assistance' | 'application' | 'claim' | 'holidayBatch', string>;
  const own = {} as Record<'assistance' | 'application' | 'claim', string>;
  let assistanceCaseId = '';
  let ownCaseId = '';
  let campaignId = '';
  let claimPayoutFen = 0;
  let batchTotalFen = 0;
  let otherUnitAssistance = '';

  const inbox = async (auth: string, query = '') => {
    const res = await call(url, auth, 'GET', `/api/v1/approvals${query}`);
    expect(res.status).toBe(200);
    return res.body as { items: Item[]; sections: Record<string, Record<string, unknown>> };
  };

  beforeAll(async () => {
    platform = await startQuietPlatform();
    url = platform.gatewayUrl;
    const admin = await bearer('admin-ap', ['admin'], ['*']);
    cw = await bearer('cw-ap', ['caseworker'], ['u1']);
    both = await bearer('rv-both', ['caseworker', 'reviewer'], ['u1']);
    const cw2 = await bearer('cw-ap2', ['caseworker'], ['u2']);
    const fund = async (unit: string) =>
      String(
        (
          await expectCall(201, url, admin, 'POST', '/api/v1/hardship/funds', {
            name: '困难职工帮扶专项资金',
            year: 2026,
            category: 'any',
            holderOrgId: unit,
            amountFen: 100_000_000,
          })
        ).fundId,
      );
    const fundU1 = await fund('u1');
    const fundU2 = await fund('u2');
    const pending = async (auth: string, unit: string, fundId: string, amountFen: number) => {
      const caseId = await openCaseThrough(url, auth, unit);
      const answer = await expectCall(201, url, auth, 'POST', `/api/v1/hardship/cases/${caseId}/assistance`, {
        kind: 'cash',
        category: 'medical',
        amountFen,
        fundId,
        description: '住院医疗救助',
      });
      expect(answer.status).toBe('pending_approval');
      return { caseId, assistanceId: String(answer.assistanceId) };
    };
    ({ caseId: assistanceCaseId, assistanceId: theirs.assistance } = await pending(
      cw,
      'u1',
      fundU1,
      600_000,
    ));
    ({ caseId: ownCaseId, assistanceId: own.assistance } = await pending(both, 'u1', fundU1, 550_000));
    otherUnitAssistance = (await pending(cw2, 'u2', fundU2, 700_000)).assistanceId;

    campaignId = String(
      (await expectCall(201, url, admin, 'POST', '/api/v1/grants/campaigns', campaignBody())).campaignId,
    );
    const parent = newIdNumber();
    await openCaseThrough(url, cw, 'u1', parent);
    await eventually('grants eligibility of the parent', async () => {
      const e = await call(url, cw, 'GET', `/api/v1/grants/eligibility/${parent}`);
      return e.body.hasOpenCase === true ? true : undefined;
    });
    const apply = async (auth: string) =>
      String(
        (
          await expectCall(201, url, auth, 'POST', '/api/v1/grants/applications', {
            campaignId,
            parentIdNumber: parent,
            consent: { documentRef: '工助授〔2026〕0001号', signedOn: '2026-01-05' },
            unitId: 'u1',
            student: {
              idNumber: newIdNumber('20080101'),
              name: '王小明',
              level: 'undergraduate',
              school: '郑州大学',
            },
          })
        ).applicationId,
      );
    theirs.application = await apply(cw);
    own.application = await apply(both);

    const periodId = String(
      (await expectCall(201, url, admin, 'POST', '/api/v1/medical-aid/periods', periodBody())).periodId,
    );
    const members = [newIdNumber('19850101'), newIdNumber('19850101')];
    await expectCall(200, url, cw, 'POST', `/api/v1/medical-aid/periods/${periodId}/enrollments`, {
      unitId: 'u1',
      paymentRef: 'PAY-AP-1',
      members: members.map((idNumber) => ({ idNumber, name: '马海燕', hasBasicMedicalInsurance: true })),
    });
    const claim = await expectCall(
      201,
      url,
      cw,
      'POST',
      '/api/v1/medical-aid/claims',
      claimBody(periodId, members[0]),
    );
    theirs.claim = String(claim.claimId);
    claimPayoutFen = (claim.quote as { payoutFen: number }).payoutFen;
    own.claim = String(
      (
        await expectCall(
          201,
          url,
          both,
          'POST',
          '/api/v1/medical-aid/claims',
          claimBody(periodId, members[1]),
        )
      ).claimId,
    );

    const batch = await expectCall(201, url, cw, 'POST', '/api/v1/hardship/holiday-batches', {
      ...holidayBatchBody('u1', fundU1),
      amountsByTierFen: { deep: 20_000, relative: 10_000 },
    });
    theirs.holidayBatch = String(batch.batchId);
    batchTotalFen = (batch.totals as { totalFen: number }).totalFen;
  });
  afterAll(() => platform?.stop());

  it("offers a reviewer every programme's pending records of their units, never their own, each with what the decision needs", async () => {
    const answer = await inbox(both);
    const ids = answer.items.map((i) => i.id);
    for (const id of Object.values(theirs)) expect(ids).toContain(id);
    for (const id of Object.values(own)) expect(ids).not.toContain(id);
    expect(ids).not.toContain(otherUnitAssistance);
    expect(answer.items.every((i) => i.submittedBy !== 'rv-both')).toBe(true);
    expect(answer.sections).toEqual({
      assistance: { available: true, total: 1, shown: 1 },
      application: { available: true, total: 1, shown: 1 },
      claim: { available: true, total: 1, shown: 1 },
      holidayBatch: { available: true, total: 1, shown: 1 },
    });
    const byKind = Object.fromEntries(answer.items.map((i) => [i.kind, i]));
    expect(byKind.assistance).toMatchObject({
      id: theirs.assistance,
      submittedBy: 'cw-ap',
      unitId: 'u1',
      amountFen: 600_000,
      record: {
        caseId: assistanceCaseId,
        case: { tier: 'deep', person: { name: '王建国' } },
        cap: { usedFen: 600_000, capFen: 2_000_000, remainingFen: 1_400_000, approvalThresholdFen: 500_000 },
        fund: { name: '困难职工帮扶专项资金' },
      },
    });
    expect(byKind.application).toMatchObject({
      id: theirs.application,
      amountFen: 500_000,
      record: {
        student: { name: '王小明', level: 'undergraduate' },
        campaign: { campaignId, budgetFen: 1_000_000_000, reservedFen: 0, remainingFen: 1_000_000_000 },
      },
    });
    expect(byKind.claim).toMatchObject({
      id: theirs.claim,
      amountFen: claimPayoutFen,
      record: { bill: { totalFen: 2_000_000 }, quote: { payoutFen: claimPayoutFen } },
    });
    expect(byKind.holidayBatch).toMatchObject({
      id: theirs.holidayBatch,
      amountFen: batchTotalFen,
      record: { status: 'draft', preparedBy: 'cw-ap', fund: { name: '困难职工帮扶专项资金' } },
    });
    // Identity numbers leave masked.
    expect(JSON.stringify(answer)).not.toMatch(/\d{17}[\dX]/);
  });

  it("offers another reviewer what the first submitted; limits each programme's page", async () => {
    const other = await bearer('rv-other', ['reviewer'], ['u1']);
    const ids = (await inbox(other)).items.map((i) => i.id);
    for (const id of [...Object.values(theirs), ...Object.values(own)]) expect(ids).toContain(id);
    const one = await inbox(other, '?pageSize=1');
    expect(one.sections.assistance).toEqual({ available: true, total: 2, shown: 1 });
    expect(one.items).toHaveLength(4);
  });

  it('is for reviewers only, and refuses bad paging and unknown parameters', async () => {
    for (const role of ['caseworker', 'auditor', 'admin'] as const) {
      const res = await call(url, await bearer(`${role}-ap`, [role], ['*']), 'GET', '/api/v1/approvals');
      expect([role, res.status, res.body.code]).toEqual([role, 403, 'FORBIDDEN']);
    }
    expect((await call(url, undefined, 'GET', '/api/v1/approvals')).status).toBe(401);
    for (const query of ['?pageSize=0', '?pageSize=501', '?pageSize=x', '?submittedByNot=nobody']) {
      const res = await call(url, both, 'GET', `/api/v1/approvals${query}`);
      expect([query, res.status, res.body.code]).toEqual([query, 400, 'VALIDATION_FAILED']);
    }
  });

  it('drops what is decided; deciding one of your own is still refused by the service (SAME_ACTOR)', async () => {
    const decide = (path: string, body: unknown) => call(url, both, 'POST', path, body);
    const refusals = [
      await decide(`/api/v1/hardship/cases/${ownCaseId}/assistance/${own.assistance}/approve`, {}),
      await decide(`/api/v1/grants/applications/${own.application}/approve`, {}),
      await decide(`/api/v1/medical-aid/claims/${own.claim}/approve`, {}),
    ];
    expect(refusals.map((r) => [r.status, r.body.code])).toEqual([
      [403, 'SAME_ACTOR'],
      [403, 'SAME_ACTOR'],
      [403, 'SAME_ACTOR'],
    ]);
    await expectCall(
      200,
      url,
      both,
      'POST',
      `/api/v1/hardship/cases/${assistanceCaseId}/assistance/${theirs.assistance}/approve`,
      {
        reason: '经审核，情况属实',
      },
    );
    await expectCall(200, url, both, 'POST', `/api/v1/grants/applications/${theirs.application}/reject`, {
      reason: '家庭收入已超过困难标准',
    });
    const after = await inbox(both);
    expect(after.items.map((i) => i.kind).sort()).toEqual(['claim', 'holidayBatch']);
    expect(after.sections.assistance).toEqual({ available: true, total: 0, shown: 0 });
  });

  it('marks a programme whose service is down as unavailable and still offers the others', async () => {
    await platform.services['medical-aid'].app.close();
    const answer = await inbox(both);
    expect(answer.sections.claim).toMatchObject({
      available: false,
      detail: expect.stringContaining('medical-aid'),
    });
    expect(answer.sections.holidayBatch).toEqual({ available: true, total: 1, shown: 1 });
    expect(answer.items.map((i) => i.kind)).toEqual(['holidayBatch']);
  });
});
