import { addDays } from '@union/kernel';
import { aBill, aPeriod, enrolled } from '../testing/fixtures';
import { MedicalAidFlow } from '../testing/medical-aid-flow';
import { capLeftFen } from '../membership/membership.queries';

// Worked example 2 pays 11,440,000 fen; the annual cap is 20,000,000.
const period = aPeriod();
const bigBill = aBill(30_000_000, 10_000_000);

function submitApprovePay(flow: MedicalAidFlow, claimId: string, admittedOn: string) {
  const today = addDays(admittedOn, 10);
  const submittedOn = flow.run({
    type: 'SubmitClaim',
    claimId,
    period,
    membership: flow.membership,
    hospital: '青海省人民医院',
    admittedOn,
    dischargedOn: admittedOn,
    diagnosisCode: 'C34.9',
    bill: bigBill,
    today,
    submittedBy: 'caseworker-1',
    submittedAt: '2024-11-30T01:00:00.000Z',
  });
  const approved = flow.run({
    type: 'ApproveClaim',
    claimId,
    period,
    membership: flow.membership,
    approvedBy: 'reviewer-1',
    approvedAt: '2024-11-30T02:00:00.000Z',
  });
  const paid = flow.run({
    type: 'PayClaim',
    claimId,
    paymentRef: `PAY-${claimId}`,
    paidOn: today,
    today,
    paidBy: 'caseworker-2',
    paidAt: '2024-11-30T03:00:00.000Z',
  });
  return { submittedOn, approved, paid };
}

describe('a member through several claims', () => {
  it('reaches the annual cap: the second payout is cut to what is left, the third pays nothing', () => {
    const flow = new MedicalAidFlow(period, enrolled());
    const first = submitApprovePay(flow, 'c-1', '2024-02-01');
    expect(first.approved.claimEvents).toMatchObject([
      { data: { quote: { payoutFen: 11_440_000, capAppliedFen: 0 } } },
    ]);

    const second = submitApprovePay(flow, 'c-2', '2024-05-01');
    expect(second.approved.claimEvents).toMatchObject([
      { data: { quote: { payoutFen: 8_560_000, capAppliedFen: 2_880_000 } } },
    ]);
    expect(capLeftFen(flow.membership, period.rules.inpatient)).toBe(0);

    const third = submitApprovePay(flow, 'c-3', '2024-08-01');
    expect(third.submittedOn.claimEvents).toMatchObject([
      { data: { quote: { payoutFen: 0, capAppliedFen: 11_440_000 } } },
    ]);
    expect(flow.membership).toMatchObject({
      capUsedFen: 20_000_000,
      payoutsFen: 20_000_000,
      outOfPocketFen: 60_000_000,
    });
  });

  it('re-quotes at approval: a claim submitted while the cap was free is cut by an approval in between', () => {
    const flow = new MedicalAidFlow(period, enrolled());
    const submitted = (claimId: string, admittedOn: string) =>
      flow.run({
        type: 'SubmitClaim',
        claimId,
        period,
        membership: flow.membership,
        hospital: 'H',
        admittedOn,
        dischargedOn: admittedOn,
        diagnosisCode: 'C34.9',
        bill: bigBill,
        today: '2024-11-30',
        submittedBy: 'caseworker-1',
        submittedAt: '2024-11-30T01:00:00.000Z',
      });
    expect(submitted('c-1', '2024-07-01').claimEvents).toMatchObject([
      { data: { quote: { payoutFen: 11_440_000 } } },
    ]);
    expect(submitted('c-2', '2024-08-01').claimEvents).toMatchObject([
      { data: { quote: { payoutFen: 11_440_000 } } },
    ]);
    const approve = (claimId: string) =>
      flow.run({
        type: 'ApproveClaim',
        claimId,
        period,
        membership: flow.membership,
        approvedBy: 'reviewer-1',
        approvedAt: '2024-12-01T00:00:00.000Z',
      });
    approve('c-1');
    expect(approve('c-2').claimEvents).toMatchObject([
      { data: { quote: { payoutFen: 8_560_000, capAppliedFen: 2_880_000 } } },
    ]);
  });

  it('the burden of the paid claims brings serious-illness aid and one hardship referral', () => {
    const flow = new MedicalAidFlow(period, enrolled());
    // each claim leaves the member 20,000,000 - 11,440,000 = 8,560,000 of burden
    const first = submitApprovePay(flow, 'c-1', '2024-02-01');
    expect(first.paid.memberEvents.map((e) => e.type)).toEqual([
      'ClaimPaymentRecorded',
      'SeriousIllnessAidGranted',
      'HardshipRiskDetected',
    ]);
    expect(first.paid.memberEvents[1]).toMatchObject({
      data: { amountFen: 1_280_000, burdenFen: 8_560_000 },
    });
    const second = submitApprovePay(flow, 'c-2', '2024-05-01');
    // burden 8,560,000 + 11,440,000 = 20,000,000 -> aid capped at 5,000,000
    expect(second.paid.memberEvents.map((e) => e.type)).toEqual([
      'ClaimPaymentRecorded',
      'SeriousIllnessAidGranted',
    ]);
    expect(flow.membership).toMatchObject({
      burdenFen: 20_000_000,
      seriousIllnessAidFen: 5_000_000,
      hardshipRiskReported: true,
    });
  });

  it('a rejected claim gives its admission back so a corrected claim can be submitted', () => {
    const flow = new MedicalAidFlow(period, enrolled());
    const submit = (claimId: string) => ({
      type: 'SubmitClaim' as const,
      claimId,
      period,
      membership: flow.membership,
      hospital: 'H',
      admittedOn: '2024-02-01',
      dischargedOn: '2024-02-05',
      diagnosisCode: 'C34.9',
      bill: bigBill,
      today: '2024-02-10',
      submittedBy: 'caseworker-1',
      submittedAt: 't',
    });
    flow.run(submit('c-1'));
    expect(() => flow.run(submit('c-2'))).toThrow(
      expect.objectContaining({ code: 'DUPLICATE', details: { existingClaimId: 'c-1' } }),
    );
    const rejected = flow.run({
      type: 'RejectClaim',
      claimId: 'c-1',
      reason: 'Wrong bill attached.',
      rejectedBy: 'reviewer-1',
      rejectedAt: 't',
    });
    expect(rejected.memberEvents).toEqual([
      { type: 'ClaimAdmissionReleased', data: { claimId: 'c-1', reason: 'Wrong bill attached.' } },
    ]);
    expect(flow.run(submit('c-2')).claimEvents).toHaveLength(1);
  });
});
