import request from 'supertest';
import { TOPICS } from '@union/contracts';
import type { ServiceHarness } from '@union/testing';
import {
  act,
  actors,
  API,
  bill,
  enroll,
  idNumber,
  openPeriod,
  refOf,
  startMedicalAid,
  submitClaim,
  TODAY,
} from '../testing/medical-aid.harness';

/** DOMAIN.md §3 "Worked examples" and "After each paid claim", through HTTP. */
describe('medical-aid claims: quotes, cap, aid and hardship risk (HTTP)', () => {
  let h: ServiceHarness;
  let as: ReturnType<typeof actors>;
  let periodId: string;
  const [first, second] = [idNumber(1), idNumber(2)];

  beforeAll(async () => {
    h = await startMedicalAid();
    as = actors(h);
    periodId = await openPeriod(h);
    await enroll(h, periodId, [first, second, idNumber(3)]);
  });
  afterAll(() => h.close());

  const pay = async (claimId: string) =>
    act(h, claimId, 'pay', await as.caseworker(), { paymentRef: `BANK-${claimId}`, paidOn: TODAY });
  const approve = async (claimId: string) => act(h, claimId, 'approve', await as.reviewer(), {});

  it('worked example 1: bill 62,000 yuan, basic insurance 21,000 -> payout 20,000 yuan', async () => {
    const res = await submitClaim(h, periodId, first, '青海省人民医院', bill(6_200_000, 2_100_000));
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({
      version: 1,
      periodId,
      status: 'submitted',
      member: { name: '会员0' },
      unitId: 'unit-1',
      quote: {
        outOfPocketFen: 4_100_000,
        deductibleFen: 100_000,
        eligibleFen: 4_000_000,
        bands: [
          { uptoFen: 5_000_000, ratioBp: 5000, baseFen: 4_000_000, amountFen: 2_000_000 },
          { uptoFen: null, ratioBp: 6000, baseFen: 0, amountFen: 0 },
        ],
        capAppliedFen: 0,
        payoutFen: 2_000_000,
        policyVersion: `period-${periodId}-1`,
      },
    });
    const claimId = (res.body as { claimId: string }).claimId;
    expect((await approve(claimId)).body).toMatchObject({
      status: 'approved',
      version: 2,
      decidedBy: 'rv-1',
      quote: { payoutFen: 2_000_000 },
    });
    const paid = await pay(claimId);
    expect(paid.body).toMatchObject({
      status: 'paid',
      version: 3,
      paidOn: TODAY,
      paymentRef: `BANK-${claimId}`,
    });
    expect(paid.headers.etag).toBe('"3"');
    const member = await request(h.http)
      .get(`${API}/periods/${periodId}/members/${first}`)
      .set('Authorization', await as.reviewer())
      .expect(200);
    expect(member.body).toMatchObject({
      claims: [{ claimId, status: 'paid', outOfPocketFen: 4_100_000, payoutFen: 2_000_000, paidOn: TODAY }],
      capUsedFen: 2_000_000,
      capLeftFen: 18_000_000,
      totals: {
        outOfPocketFen: 4_100_000,
        payoutsFen: 2_000_000,
        burdenFen: 2_100_000,
        seriousIllnessAidFen: 0,
        remainingBurdenFen: 2_100_000,
        hardshipRiskReported: false,
      },
    });
  });

  it('worked example 2, twice: payout 114,400 yuan, then the annual cap cuts the second at approval; aid granted by difference, risk reported once', async () => {
    const a = await submitClaim(h, periodId, second, '青海大学附属医院', bill(30_000_000, 10_000_000));
    expect((a.body as { quote: unknown }).quote).toEqual({
      outOfPocketFen: 20_000_000,
      deductibleFen: 100_000,
      eligibleFen: 19_900_000,
      bands: [
        { uptoFen: 5_000_000, ratioBp: 5000, baseFen: 5_000_000, amountFen: 2_500_000 },
        { uptoFen: null, ratioBp: 6000, baseFen: 14_900_000, amountFen: 8_940_000 },
      ],
      capAppliedFen: 0,
      payoutFen: 11_440_000,
      policyVersion: `period-${periodId}-1`,
    });
    // Submitted before the first is approved: quoted against the whole cap, then quoted again at approval.
    const b = await submitClaim(h, periodId, second, '西宁市第一人民医院', bill(30_000_000, 10_000_000));
    expect(b.body).toMatchObject({ quote: { payoutFen: 11_440_000, capAppliedFen: 0 } });
    const [idA, idB] = [(a.body as { claimId: string }).claimId, (b.body as { claimId: string }).claimId];
    await approve(idA);
    expect((await approve(idB)).body).toMatchObject({
      quote: { payoutFen: 8_560_000, capAppliedFen: 2_880_000 },
    });

    await pay(idA); // burden 8,560,000: aid 50% of 2,560,000 = 1,280,000; left 7,280,000 >= 3,000,000
    await pay(idB); // burden 20,000,000: aid 2,000,000 + 70% of 10,000,000 -> capped at 5,000,000
    const member = await request(h.http)
      .get(`${API}/periods/${periodId}/members/${second}`)
      .set('Authorization', await as.auditor())
      .expect(200);
    expect(member.body).toMatchObject({
      version: 10,
      capLeftFen: 0,
      totals: {
        outOfPocketFen: 40_000_000,
        payoutsFen: 20_000_000,
        burdenFen: 20_000_000,
        seriousIllnessAidFen: 5_000_000,
        remainingBurdenFen: 15_000_000,
        hardshipRiskReported: true,
      },
    });

    await h.settle();
    const ref = refOf(second);
    const mine = h.bus.messages(TOPICS.medicalAidClaims).filter((m) => m.key === ref);
    const typed = mine.map((m) => ({
      type: m.headers['event-type'],
      value: JSON.parse(m.value ?? 'null') as Record<string, unknown>,
    }));
    expect(typed).toEqual([
      {
        type: 'ClaimPaid',
        value: expect.objectContaining({
          claimId: idA,
          payoutFen: 11_440_000,
          outOfPocketFen: 20_000_000,
          paidOn: TODAY,
          unitId: 'unit-1',
        }),
      },
      {
        type: 'SeriousIllnessAidGranted',
        value: { personRef: ref, periodId, amountFen: 1_280_000, totalGrantedFen: 1_280_000 },
      },
      {
        type: 'HardshipRiskDetected',
        value: {
          personRef: ref,
          periodId,
          unitId: 'unit-1',
          memberName: '会员1',
          remainingBurdenFen: 7_280_000,
          claimIds: [idA],
        },
      },
      { type: 'ClaimPaid', value: expect.objectContaining({ claimId: idB, payoutFen: 8_560_000 }) },
      {
        type: 'SeriousIllnessAidGranted',
        value: { personRef: ref, periodId, amountFen: 3_720_000, totalGrantedFen: 5_000_000 },
      },
    ]);
    for (const m of mine) {
      expect(m.value).not.toContain(second);
      expect(m.headers).toMatchObject({ source: 'medical-aid', 'event-version': '1' });
    }
    const risk = mine.find((m) => m.headers['event-type'] === 'HardshipRiskDetected');
    const cause = await h.infra.store.readStream(`member-${periodId}-${ref}`);
    expect(cause.find((e) => e.type === 'HardshipRiskDetected')).toMatchObject({
      eventId: risk?.headers['event-id'],
      metadata: { actor: 'cw-1', policyVersion: `period-${periodId}-1` },
    });
  });

  it('reports the fund: contributions, paid claims, payouts, aid and a deficit above 10000 bp', async () => {
    const report = await request(h.http)
      .get(`${API}/periods/${periodId}/fund-report`)
      .set('Authorization', await as.auditor())
      .expect(200);
    expect(report.body).toEqual({
      periodId,
      membersPaid: 3,
      membersWaived: 0,
      contributionsFen: 30_000,
      claimsPaid: 3,
      payoutsFen: 22_000_000,
      seriousIllnessAidFen: 5_000_000,
      usageRateBp: 9_000_000,
      deficit: true,
      payoutsByMonth: [{ month: TODAY.slice(0, 7), claimsPaid: 3, payoutsFen: 22_000_000 }],
    });
  });
});
