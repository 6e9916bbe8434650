import { chinaToday, idNumberWithCheckChar } from '@union/kernel';
import { createdId, sleep, write, type Write, type WriteSpec } from './http-client';
import type { LoadContext } from './load';

/** The union unit the load works in. */
export const UNIT = 'u-faults';

/**
 * One household through the three programmes: a case opened and assisted, the worker enrolled in
 * medical aid with a claim submitted, approved and paid, the child's grant applied for (once
 * grants has learned the case from Kafka), approved against the budget and disbursed. A step
 * that is not accepted ends the story.
 */
export async function story(
  ctx: LoadContext,
  n: number,
  caseworker: string,
  reviewer: string,
): Promise<void> {
  const today = chinaToday(new Date());
  const parent = idNumberWithCheckChar(`110105${birth(1960, n)}${String(n % 1000).padStart(3, '0')}`);
  const student = idNumberWithCheckChar(`110105${birth(2008, n)}${String(n % 1000).padStart(3, '0')}`);
  const step = async (spec: Omit<WriteSpec, 'token'>, as = caseworker): Promise<Write | null> => {
    const w = await write(ctx.gatewayUrl, ctx.ledger, { ...spec, token: as });
    return w.outcome === 'accepted' ? w : null;
  };
  const opened = await step({
    op: 'open-case',
    service: 'hardship-cases',
    expects: 'HardshipCaseOpened',
    path: '/hardship/cases',
    body: {
      person: { idNumber: parent, name: `职工${n}` },
      unitId: UNIT,
      regionCode: '110105',
      household: { size: 3, monthlyIncomeFen: 150_000 },
      causes: ['illness'],
      channel: 'walk_in',
      consent: { documentRef: '工帮授〔2026〕0001号', signedOn: '2026-01-05' },
    },
  });
  const caseId = opened && createdId(opened, 'caseId', 'case');
  if (!caseId) return;
  const assisted = await step({
    op: 'assist',
    service: 'hardship-cases',
    expects: 'AssistanceRecorded',
    path: `/hardship/cases/${caseId}/assistance`,
    body: {
      kind: 'cash',
      category: 'living',
      amountFen: 50_000,
      fundId: ctx.fundId,
      description: '生活救助',
    },
  });
  if (!assisted) return;
  await medicalClaim(ctx, step, parent, n, today, reviewer);
  await grant(ctx, step, parent, student, n, today, reviewer);
  await sleep(50);
}

type Step = (spec: Omit<WriteSpec, 'token'>, as?: string) => Promise<Write | null>;

async function medicalClaim(
  ctx: LoadContext,
  step: Step,
  idNumber: string,
  n: number,
  today: string,
  reviewer: string,
) {
  const enrolled = await step({
    op: 'enroll',
    service: 'medical-aid',
    expects: 'MemberEnrolled',
    path: `/medical-aid/periods/${ctx.periodId}/enrollments`,
    body: {
      unitId: UNIT,
      paymentRef: `FEE-${n}`,
      members: [{ idNumber, name: `职工${n}`, hasBasicMedicalInsurance: true }],
    },
  });
  if (!enrolled) return;
  const claim = await step({
    op: 'claim',
    service: 'medical-aid',
    expects: 'ClaimSubmitted',
    path: '/medical-aid/claims',
    body: {
      periodId: ctx.periodId,
      idNumber,
      hospital: '北京市朝阳医院',
      admittedOn: today,
      dischargedOn: today,
      diagnosisCode: 'J18.9',
      bill: {
        totalFen: 500_000,
        basicInsurancePaidFen: 200_000,
        seriousIllnessInsurancePaidFen: 0,
        medicalAssistancePaidFen: 0,
        employerPaidFen: 0,
        otherPaidFen: 0,
      },
    },
  });
  if (!claim) return;
  const claimId = createdId(claim, 'claimId', 'claim');
  if (!claimId) return;
  const claimPath = `/medical-aid/claims/${claimId}`;
  const approved = await step(
    {
      op: 'approve-claim',
      service: 'medical-aid',
      expects: 'ClaimApproved',
      path: `${claimPath}/approve`,
      body: {},
    },
    reviewer,
  );
  if (!approved) return;
  await step({
    op: 'pay-claim',
    service: 'medical-aid',
    expects: 'ClaimPaid',
    path: `${claimPath}/pay`,
    body: { paymentRef: `BANK-CLAIM-${n}`, paidOn: today },
  });
}

async function grant(
  ctx: LoadContext,
  step: Step,
  parent: string,
  student: string,
  n: number,
  today: string,
  reviewer: string,
) {
  const campaignId = ctx.campaigns.current();
  const applied = await step({
    op: 'apply',
    service: 'education-grants',
    expects: 'GrantApplicationSubmitted',
    path: '/grants/applications',
    body: {
      campaignId,
      parentIdNumber: parent,
      consent: { documentRef: '工助授〔2026〕0001号', signedOn: '2026-01-05' },
      unitId: UNIT,
      student: { idNumber: student, name: `学生${n}`, level: 'senior_high', school: '北京市第八十中学' },
    },
    // The case reaches grants through Kafka: until it has, the parent is not (yet) eligible.
    retryIf: (status, code) => status === 422 && code === 'NOT_ELIGIBLE',
  });
  if (!applied) return;
  const applicationId = createdId(applied, 'applicationId', 'application');
  if (!applicationId) return;
  const path = `/grants/applications/${applicationId}`;
  const approval = await write(ctx.gatewayUrl, ctx.ledger, {
    op: 'approve-grant',
    service: 'education-grants',
    expects: 'GrantApplicationApproved',
    path: `${path}/approve`,
    body: {},
    token: reviewer,
  });
  if (approval.outcome !== 'accepted') {
    if (approval.code === 'BUDGET_EXHAUSTED') await ctx.campaigns.exhausted(campaignId);
    return;
  }
  await step({
    op: 'disburse',
    service: 'education-grants',
    expects: 'GrantDisbursed',
    path: `${path}/disburse`,
    body: { paymentRef: `BANK-GRANT-${n}`, paidOn: today },
  });
}

/** YYYYMMDD, `n` days after 1 January of `year`: a distinct valid birth date per person. */
function birth(year: number, n: number): string {
  return new Date(Date.UTC(year, 0, 1 + n)).toISOString().slice(0, 10).replace(/-/g, '');
}
