import request from 'supertest';
import { rebuildProjections, verifyLog } from '@union/event-store';
import { addDays } from '@union/kernel';
import { PrivacyService } from '@union/runtime';
import type { ServiceHarness } from '@union/testing';
import { medicalAidService } from '../medical-aid.service-definition';
import {
  act,
  actors,
  API,
  bill,
  idNumber,
  openPeriod,
  periodBody,
  refOf,
  startMedicalAid,
  submitClaim,
} from '../testing/medical-aid.harness';

/**
 * Restriction, then erasure, of a member in the medical-aid service (issue 18). While their
 * membership's coverage runs, an admin's erasure request restricts them (no claim, hidden from
 * the claims worklist, still in the audit); the retention sweep erases them once the coverage
 * ended (retention 0 years here). Afterwards every event stays and verifies, the amounts and the
 * fund report are unchanged, and the member's name, identity number, hospital and diagnosis
 * appear nowhere: not in the API's answers, the audit's, the read models (live or rebuilt) or
 * the raw `events` table.
 */
describe('restricting, then erasing, a member in medical aid (PGlite, HTTP)', () => {
  let h: ServiceHarness;
  let as: ReturnType<typeof actors>;
  let periodId: string;
  const member = idNumber(71);
  const other = idNumber(72);
  const NAME = '欧阳春华';
  const HOSPITAL = '青海大学附属医院';

  beforeAll(async () => {
    h = await startMedicalAid({ retentionYears: 0 });
    as = actors(h);
    periodId = await openPeriod(h);
    await request(h.http)
      .post(`${API}/periods/${periodId}/enrollments`)
      .set('Authorization', await as.caseworker())
      .send({
        unitId: 'unit-1',
        paymentRef: 'PAY-1',
        members: [
          { idNumber: member, name: NAME, hasBasicMedicalInsurance: true },
          { idNumber: other, name: '李四', hasBasicMedicalInsurance: true },
        ],
      })
      .expect(200);
  });
  afterAll(() => h.close());

  const everything = async () => {
    const [claims, memberView, report, audit] = await Promise.all([
      request(h.http)
        .get(`${API}/claims?periodId=${periodId}`)
        .set('Authorization', await as.reviewer()),
      request(h.http)
        .get(`${API}/periods/${periodId}/members/${member}`)
        .set('Authorization', await as.reviewer()),
      request(h.http)
        .get(`${API}/periods/${periodId}/fund-report`)
        .set('Authorization', await as.reviewer()),
      request(h.http)
        .get(`/api/v1/audit/people/${member}/events`)
        .set('Authorization', await as.auditor()),
    ]);
    return {
      claims: claims.body,
      memberView: memberView.body,
      report: report.body as unknown,
      audit: audit.body,
    };
  };
  const rawText = async () =>
    (await h.infra.dataSource.query<{ t: string }[]>(`SELECT string_agg(data::text, '') AS t FROM events`))[0]
      .t;
  const readModelText = async () =>
    (
      await h.infra.dataSource.query<{ t: string }[]>(
        `SELECT (SELECT string_agg(data::text, '' ORDER BY member_key) FROM membership_summary) ||
                (SELECT string_agg(data::text, '' ORDER BY claim_id) FROM claim_summary) AS t`,
      )
    )[0].t;

  it('stores the member sealed, restricts them on an admin’s request, erases them when retention passed, and keeps every amount and the proof', async () => {
    const claim = await submitClaim(h, periodId, member, HOSPITAL, bill(6_200_000, 2_100_000));
    const claimId = (claim.body as { claimId: string }).claimId;
    // The other member's claim stays open: their retention has not started.
    await submitClaim(h, periodId, other, '青海省人民医院', bill(300_000, 100_000));

    // Sealed in the log from the start: the plain values are in the answers, never in `events`.
    expect(await rawText()).not.toContain(NAME);
    expect(await rawText()).not.toContain(HOSPITAL);

    // Only an admin may ask.
    await request(h.http)
      .post(`/api/v1/privacy/people/${member}/requests`)
      .set('Authorization', await as.caseworker())
      .send({ kind: 'erase', reason: '本人申请删除', legalBasis: '《个人信息保护法》第四十七条' })
      .expect(403);
    await request(h.http)
      .post(`/api/v1/privacy/people/${member}/requests`)
      .set('Authorization', await as.admin())
      .send({ kind: 'erase', reason: '' })
      .expect(400);
    const rawBefore = await rawText();
    // The membership's coverage runs and the claim is open: the request restricts, until further notice.
    const ask = async () =>
      request(h.http)
        .post(`/api/v1/privacy/people/${member}/requests`)
        .set('Authorization', await as.admin())
        .send({ kind: 'erase', reason: '本人申请删除', legalBasis: '《个人信息保护法》第四十七条' })
        .expect(202);
    expect((await ask()).body).toMatchObject({ service: 'medical-aid', outcome: 'restricted', until: null });
    expect((await ask()).body).toMatchObject({ outcome: 'already_restricted', until: null });
    const restrictedStatus = await request(h.http)
      .get(`/api/v1/privacy/people/${member}`)
      .set('Authorization', await as.auditor())
      .expect(200);
    expect(restrictedStatus.body).toMatchObject({
      status: 'restricted',
      until: null,
      retentionEndsOn: null,
      openRecords: true,
    });

    // Restricted: stored, not used. The claim is not approved; it leaves the claims worklist (not
    // the auditor's); the audit still reads the member.
    const refused = await act(h, claimId, 'approve', await as.reviewer(), {}, 422);
    expect(refused.body).toMatchObject({ code: 'PERSON_RESTRICTED', status: 422 });
    const listed = async (auth: string) =>
      (
        (
          await request(h.http)
            .get(`${API}/claims?periodId=${periodId}`)
            .set('Authorization', auth)
            .expect(200)
        ).body as { items: { claimId: string }[] }
      ).items.map((c) => c.claimId);
    expect(await listed(await as.reviewer())).not.toContain(claimId);
    expect(await listed(await as.auditor())).toContain(claimId);
    expect(JSON.stringify((await everything()).audit)).toContain(NAME);
    // Its end is still taken: the rejection closes the claim, which starts the retention.
    await act(h, claimId, 'reject', await as.reviewer(), { reason: '限制处理，不予支付' });

    const before = await everything();
    expect(JSON.stringify(before)).toContain(NAME);
    expect(JSON.stringify(before.audit)).toContain(NAME); // auditors read it (opened)

    // The sweep leaves them while the coverage runs, and erases them once it ended (retention 0).
    const privacy = h.app.get(PrivacyService);
    expect(await privacy.sweep(new Date())).toBe(0);
    const afterCoverage = new Date(`${addDays(periodBody().coverageEnd, 1)}T12:00:00+08:00`);
    expect(await privacy.sweep(afterCoverage)).toBe(1);

    // Every event that was there is still there, byte for byte (the erasure's own event follows).
    expect((await rawText()).startsWith(rawBefore)).toBe(true);
    expect(await verifyLog(h.infra.dataSource)).toMatchObject({ valid: true });

    const after = await everything();
    for (const text of [JSON.stringify(after), await readModelText()]) {
      expect(text).not.toContain(NAME);
      expect(text).not.toContain(HOSPITAL);
      expect(text).not.toContain(`********${member.slice(-4)}`);
    }
    expect(after.report).toEqual(before.report); // the fund's figures do not change
    expect(after.memberView).toMatchObject({ capUsedFen: 0, claims: [{ claimId, status: 'rejected' }] });
    expect(JSON.stringify(after.claims)).toContain('[erased]');

    // A rebuild from the log gives the same erased rows.
    const live = await readModelText();
    await rebuildProjections(h.infra.dataSource, h.infra.store, medicalAidService.projections);
    expect(await readModelText()).toBe(live);

    // The other member is untouched; asking again changes nothing; the status says erased.
    expect(await readModelText()).toContain('李四');
    const again = await request(h.http)
      .post(`/api/v1/privacy/people/${member}/requests`)
      .set('Authorization', await as.admin())
      .send({ kind: 'erase', reason: '保存期限届满', legalBasis: '《个人信息保护法》第四十七条' })
      .expect(202);
    expect(again.body).toMatchObject({ outcome: 'already_erased' });
    expect(await privacy.sweep(afterCoverage)).toBe(0);
    const status = await request(h.http)
      .get(`/api/v1/privacy/people/${member}`)
      .set('Authorization', await as.auditor())
      .expect(200);
    expect(status.body).toMatchObject({ service: 'medical-aid', status: 'erased' });
    expect(refOf(member)).toHaveLength(64);
  });
});
