import request from 'supertest';
import { rebuildProjections, verifyLog } from '@union/event-store';
import type { ServiceHarness } from '@union/testing';
import { medicalAidService } from '../medical-aid.service-definition';
import {
  act,
  actors,
  API,
  bill,
  idNumber,
  openPeriod,
  refOf,
  startMedicalAid,
  submitClaim,
  TODAY,
} from '../testing/medical-aid.harness';

/**
 * Erasure of a member in the medical-aid service (issue 18): every event stays and verifies, the
 * amounts and the fund report are unchanged, and the member's name, identity number, hospital and
 * diagnosis appear nowhere: not in the API's answers, the audit's, the read models (live or
 * rebuilt) or the raw `events` table.
 */
describe('erasing a member in medical aid (PGlite, HTTP)', () => {
  let h: ServiceHarness;
  let as: ReturnType<typeof actors>;
  let periodId: string;
  const member = idNumber(71);
  const other = idNumber(72);
  const NAME = '欧阳春华';
  const HOSPITAL = '青海大学附属医院';

  beforeAll(async () => {
    h = await startMedicalAid();
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
      request(h.http).get(`${API}/claims?periodId=${periodId}`).set('Authorization', await as.reviewer()),
      request(h.http).get(`${API}/periods/${periodId}/members/${member}`).set('Authorization', await as.reviewer()),
      request(h.http).get(`${API}/periods/${periodId}/fund-report`).set('Authorization', await as.reviewer()),
      request(h.http).get(`/api/v1/audit/people/${member}/events`).set('Authorization', await as.auditor()),
    ]);
    return { claims: claims.body, memberView: memberView.body, report: report.body as unknown, audit: audit.body };
  };
  const rawText = async () =>
    (await h.infra.dataSource.query<{ t: string }[]>(`SELECT string_agg(data::text, '') AS t FROM events`))[0].t;
  const readModelText = async () =>
    (
      await h.infra.dataSource.query<{ t: string }[]>(
        `SELECT (SELECT string_agg(data::text, '') FROM membership_summary) ||
                (SELECT string_agg(data::text, '') FROM claim_summary) AS t`,
      )
    )[0].t;

  it('stores the member sealed, erases them on an admin’s request, and keeps every amount and the proof', async () => {
    const claim = await submitClaim(h, periodId, member, HOSPITAL, bill(6_200_000, 2_100_000));
    const claimId = (claim.body as { claimId: string }).claimId;
    await act(h, claimId, 'approve', await as.reviewer(), {});
    await act(h, claimId, 'pay', await as.caseworker(), { paymentRef: 'BANK-1', paidOn: TODAY });

    // Sealed in the log from the start: the plain values are in the answers, never in `events`.
    expect(await rawText()).not.toContain(NAME);
    expect(await rawText()).not.toContain(HOSPITAL);
    const before = await everything();
    expect(JSON.stringify(before)).toContain(NAME);
    expect(JSON.stringify(before.audit)).toContain(NAME); // auditors read it (opened)

    // Only an admin may erase.
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
    const erased = await request(h.http)
      .post(`/api/v1/privacy/people/${member}/requests`)
      .set('Authorization', await as.admin())
      .send({ kind: 'erase', reason: '保存期限届满', legalBasis: '《个人信息保护法》第四十七条' })
      .expect(202);
    expect(erased.body).toMatchObject({ service: 'medical-aid', outcome: 'erased' });
    expect((erased.body as { rowsScrubbed: number }).rowsScrubbed).toBeGreaterThanOrEqual(4);

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
    expect(after.memberView).toMatchObject({
      capUsedFen: 2_000_000,
      claims: [{ claimId, status: 'paid', payoutFen: 2_000_000 }],
    });
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
    const status = await request(h.http)
      .get(`/api/v1/privacy/people/${member}`)
      .set('Authorization', await as.auditor())
      .expect(200);
    expect(status.body).toMatchObject({ service: 'medical-aid', status: 'erased' });
    expect(refOf(member)).toHaveLength(64);
  });
});
