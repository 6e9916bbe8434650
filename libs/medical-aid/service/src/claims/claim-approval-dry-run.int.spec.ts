import request from 'supertest';
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
  periodBody,
  startMedicalAid,
  submitClaim,
} from '../testing/medical-aid.harness';

type Quote = { payoutFen: number; capAppliedFen: number; eligibleFen: number };

/**
 * `POST /claims/{id}/approve?dryRun=true` (issue 16, the reviewer's inbox): the approval decided
 * and answered, the quote computed again against the member's cap left now, nothing stored.
 */
describe('medical-aid claims: the approval as a dry run (HTTP)', () => {
  let h: ServiceHarness;
  let as: ReturnType<typeof actors>;
  let first: string;
  let second: string;
  const example1 = bill(6_200_000, 2_100_000); // payout 20,000 yuan (DOMAIN.md §3)

  beforeAll(async () => {
    h = await startMedicalAid();
    as = actors(h);
    // A cap of 25,000 yuan a year: the second claim's 20,000 is cut to 5,000 once the first is approved.
    const rules = periodBody().rules;
    const periodId = await openPeriod(h, {
      rules: { ...rules, inpatient: { ...rules.inpatient, annualCapFen: 2_500_000 } },
    });
    await enroll(h, periodId, [idNumber(1)]);
    first = ((await submitClaim(h, periodId, idNumber(1), 'A', example1)).body as { claimId: string })
      .claimId;
    second = ((await submitClaim(h, periodId, idNumber(1), 'B', example1)).body as { claimId: string })
      .claimId;
  });
  afterAll(() => h.close());

  const dryRun = async (
    claimId: string,
    auth: string,
    body: object = {},
    status = 200,
    query = 'dryRun=true',
  ) =>
    request(h.http)
      .post(`${API}/claims/${claimId}/approve?${query}`)
      .set('Authorization', auth)
      .send(body)
      .expect(status);

  it('answers the claim as approval would leave it, re-quoted against the cap left now, and stores nothing', async () => {
    const reviewer = await as.reviewer();
    const submitted = (await request(h.http).get(`${API}/claims/${second}`).set('Authorization', reviewer))
      .body as {
      quote: Quote;
    };
    expect(submitted.quote).toMatchObject({ payoutFen: 2_000_000, capAppliedFen: 0 });
    await act(h, first, 'approve', reviewer, {});
    const before = await eventCount(h);
    const preview = await dryRun(second, reviewer);
    expect(preview.body).toMatchObject({
      claimId: second,
      dryRun: true,
      status: 'approved',
      decidedBy: 'rv-1',
      quote: { eligibleFen: 4_000_000, capAppliedFen: 1_500_000, payoutFen: 500_000 },
    });
    expect(await eventCount(h)).toBe(before);
    const still = await request(h.http)
      .get(`${API}/claims/${second}`)
      .set('Authorization', reviewer)
      .expect(200);
    expect(still.body).toMatchObject({ status: 'submitted', quote: { payoutFen: 2_000_000 } });
    // The approval itself decides the same.
    const approved = await act(h, second, 'approve', reviewer, {});
    expect(approved.body.quote).toEqual(preview.body.quote);
  });

  it('makes the approval’s checks: a lowered amount needs a reason, the submitter is refused, a decided claim is a conflict', async () => {
    const periodId = await openPeriod(h);
    await enroll(h, periodId, [idNumber(2)]);
    const claimId = ((await submitClaim(h, periodId, idNumber(2), 'C', example1)).body as { claimId: string })
      .claimId;
    const reviewer = await as.reviewer();
    const lowered = await dryRun(claimId, reviewer, {
      eligibleFen: 3_000_000,
      reason: '部分费用不属于住院费用',
    });
    expect(lowered.body.quote).toMatchObject({ eligibleFen: 3_000_000, payoutFen: 1_500_000 });
    expect(lowered.body.eligibleLoweredFromFen).toBe(4_000_000);
    expect((await dryRun(claimId, reviewer, { eligibleFen: 3_000_000 }, 400)).body.code).toBe(
      'VALIDATION_FAILED',
    );
    const submitter = `Bearer ${await h.token('cw-1', ['caseworker', 'reviewer'], ['*'])}`;
    expect((await dryRun(claimId, submitter, {}, 403)).body.code).toBe('SAME_ACTOR');
    await dryRun(claimId, reviewer, {}, 400, 'dryRun=yes');
    await dryRun(claimId, await as.reviewer(['unit-2']), {}, 403);
    await act(h, claimId, 'reject', reviewer, { reason: '材料不全' });
    expect((await dryRun(claimId, reviewer, {}, 409)).body.code).toBe('CONFLICT');
  });
});
