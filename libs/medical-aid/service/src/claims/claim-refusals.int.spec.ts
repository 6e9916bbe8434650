import request from 'supertest';
import { addDays } from '@union/kernel';
import type { ServiceHarness } from '@union/testing';
import {
  act,
  actors,
  API,
  bill,
  enroll,
  eventCount,
  idNumber,
  openPeriod,
  startMedicalAid,
  submitClaim,
  TODAY,
} from '../testing/medical-aid.harness';

/** Every refusal of the claim routes, four eyes, If-Match, rejection. */
describe('medical-aid claims: refusals and adjudication (HTTP)', () => {
  let h: ServiceHarness;
  let as: ReturnType<typeof actors>;
  let periodId: string;
  const member = idNumber(10);
  const example1 = bill(6_200_000, 2_100_000);

  beforeAll(async () => {
    h = await startMedicalAid();
    as = actors(h);
    periodId = await openPeriod(h);
    await enroll(h, periodId, [member, idNumber(11)]);
    await enroll(h, periodId, [idNumber(12)], 'unit-2');
  });
  afterAll(() => h.close());

  /** Runs `work`, expecting it to store no event at all. */
  async function storesNothing(work: () => Promise<unknown>): Promise<void> {
    const before = await eventCount(h);
    await work();
    expect(await eventCount(h)).toBe(before);
  }

  it('refuses submissions that break a rule, each with its code, storing nothing', async () => {
    const held = await submitClaim(h, periodId, member, '青海省人民医院', example1);
    await storesNothing(async () => {
      const duplicate = await submitClaim(h, periodId, member, ' 青海省人民医院 ', example1, 409);
      expect(duplicate.body).toMatchObject({
        code: 'DUPLICATE',
        existingClaimId: (held.body as { claimId: string }).claimId,
      });
      const notEnrolled = await submitClaim(h, periodId, idNumber(99), 'H', example1, 422);
      expect(notEnrolled.body).toMatchObject({ code: 'NOT_ELIGIBLE' });
      const overpaid = await submitClaim(
        h,
        periodId,
        member,
        'H2',
        { ...example1, employerPaidFen: 5_000_000 },
        400,
      );
      expect(overpaid.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'bill' }] });
      const body = {
        periodId,
        idNumber: member,
        hospital: 'H3',
        admittedOn: TODAY,
        dischargedOn: addDays(TODAY, -1),
        diagnosisCode: 'X',
        bill: example1,
      };
      const backwards = await request(h.http)
        .post(`${API}/claims`)
        .set('Authorization', await as.caseworker())
        .send(body)
        .expect(400);
      expect(backwards.body).toMatchObject({ errors: [{ field: 'dischargedOn' }] });
      await request(h.http)
        .post(`${API}/claims`)
        .set('Authorization', await as.caseworker())
        .send({ ...body, idNumber: '630102198501010000' })
        .expect(400);
      // A member of another unit is, to this caseworker, not enrolled: the same 422 as for a
      // person never enrolled, not a 403 telling that the person is enrolled elsewhere (issue 13).
      const otherUnit = await request(h.http)
        .post(`${API}/claims`)
        .set('Authorization', await as.caseworker(['unit-2']))
        .send({ ...body, dischargedOn: TODAY })
        .expect(422);
      const nobody = await request(h.http)
        .post(`${API}/claims`)
        .set('Authorization', await as.caseworker(['unit-2']))
        .send({ ...body, dischargedOn: TODAY, idNumber: idNumber(98) })
        .expect(422);
      expect(otherUnit.body).toEqual(nobody.body);
      expect(otherUnit.body).toMatchObject({ code: 'NOT_ELIGIBLE' });
      await request(h.http)
        .post(`${API}/claims`)
        .set('Authorization', await as.reviewer())
        .send({ ...body, dischargedOn: TODAY })
        .expect(403);
      const unknown = { ...body, dischargedOn: TODAY, periodId: '7d0f5a52-0000-4000-8000-000000000009' };
      await request(h.http)
        .post(`${API}/claims`)
        .set('Authorization', await as.caseworker())
        .send(unknown)
        .expect(404);
    });
  });

  it('refuses admissions outside coverage or in the waiting period (422 RULE_VIOLATION)', async () => {
    const later = await openPeriod(h, { coverageStart: addDays(TODAY, 1) });
    const waiting = await openPeriod(h, { waitingDays: 30 });
    for (const p of [later, waiting]) {
      await enroll(h, p, [member]);
      const res = await submitClaim(h, p, member, 'H', example1, 422);
      expect(res.body).toMatchObject({ code: 'RULE_VIOLATION' });
    }
  });

  it('keeps four eyes (SAME_ACTOR), lowers the eligible amount only with a reason, and checks If-Match', async () => {
    const both = `Bearer ${await h.token('both-1', ['caseworker', 'reviewer'])}`;
    const submitted = await request(h.http)
      .post(`${API}/claims`)
      .set('Authorization', both)
      .send({
        periodId,
        idNumber: idNumber(11),
        hospital: 'H',
        admittedOn: TODAY,
        dischargedOn: TODAY,
        diagnosisCode: 'I21.9',
        bill: example1,
      })
      .expect(201);
    const claimId = (submitted.body as { claimId: string }).claimId;
    await storesNothing(async () => {
      expect((await act(h, claimId, 'approve', both, {}, 403)).body).toMatchObject({ code: 'SAME_ACTOR' });
      await act(h, claimId, 'approve', await as.reviewer(), { eligibleFen: 3_000_000 }, 400);
      await act(h, claimId, 'approve', await as.reviewer(), { eligibleFen: 4_000_001, reason: 'x' }, 400);
      await act(h, claimId, 'approve', await as.caseworker(), {}, 403);
      await act(h, claimId, 'approve', await as.reviewer(['unit-2']), {}, 403);
      await act(h, claimId, 'pay', await as.caseworker(), { paymentRef: 'B', paidOn: TODAY }, 409);
      const stale = await request(h.http)
        .post(`${API}/claims/${claimId}/approve`)
        .set('Authorization', await as.reviewer())
        .set('If-Match', '"2"')
        .send({})
        .expect(409);
      expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 1 });
    });
    const approved = await request(h.http)
      .post(`${API}/claims/${claimId}/approve`)
      .set('Authorization', await as.reviewer())
      .set('If-Match', '"1"')
      .send({ eligibleFen: 3_000_000, reason: '部分费用不予报销' })
      .expect(200);
    expect(approved.body).toMatchObject({
      eligibleLoweredFromFen: 4_000_000,
      decisionReason: '部分费用不予报销',
      quote: { eligibleFen: 3_000_000, payoutFen: 1_500_000 },
    });
    await act(h, claimId, 'pay', await as.reviewer(), { paymentRef: 'B', paidOn: addDays(TODAY, 1) }, 400);
    await act(h, claimId, 'pay', await as.reviewer(), { paymentRef: 'B', paidOn: TODAY });
    expect(
      (await act(h, claimId, 'reject', await as.reviewer(), { reason: 'late' }, 409)).body,
    ).toMatchObject({ code: 'CONFLICT' });
  });

  it('rejects with a reason and gives the admission back for a corrected claim', async () => {
    const first = await submitClaim(h, periodId, idNumber(11), '湟中区医院', example1);
    const claimId = (first.body as { claimId: string }).claimId;
    await act(h, claimId, 'reject', await as.reviewer(), {}, 400);
    const rejected = await act(h, claimId, 'reject', await as.reviewer(), { reason: '材料不全' });
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      decisionReason: '材料不全',
      decidedBy: 'rv-1',
    });
    await act(h, claimId, 'approve', await as.reviewer(), {}, 409);
    await submitClaim(h, periodId, idNumber(11), '湟中区医院', example1, 201);
  });
});
