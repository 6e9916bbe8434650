// The family the auditor tasks follow (audit.tasks.ts), made through the public API of the running
// platform as its caseworker, reviewer and admin would make it: a medical-aid claim paid whose
// remaining burden is a hardship risk, the referral it files in hardship, the case a caseworker
// opens from that referral (relative hardship), a reassessment that makes it deep hardship, and
// the child's education grant approved and paid. Its own people, unit, region and campaign.
import { addDays, chinaToday, idNumberWithCheckChar } from '@union/kernel';
import { PERSONAS } from '../src/auth/personas';
import { apiCall, devToken, eventually, type Json } from './harness';
import { paidHeavyClaim } from './seed';

/** The ready persona of `key` (src/auth/personas.ts). */
export function persona(key: string): (typeof PERSONAS)[number] {
  const found = PERSONAS.find((p) => p.key === key);
  if (!found) throw new Error(`no persona ${key}`);
  return found;
}

/** The audit module's own identity numbers and names (prefix 410184: no other module uses it). */
export const STORY = {
  parentIdNumber: idNumberWithCheckChar('41018419780601031'),
  consent: { documentRef: '工助授〔2026〕0001号', signedOn: '2026-01-05' },
  studentIdNumber: idNumberWithCheckChar('41018420080901042'),
  parentName: '蒋桂英',
  studentName: '蒋小雨',
  unitId: 'ha-zz-zyq',
  regionCode: '410184',
  caseworker: 'cw-audit',
  reviewer: 'rv-audit',
  admin: 'admin-audit',
} as const;

export interface Story {
  readonly caseId: string;
  readonly claimId: string;
  readonly applicationId: string;
  readonly periodId: string;
}

/** Makes the story and waits until every cross-service step has arrived. */
export async function makeStory(baseUrl: string): Promise<Story> {
  const [cw, rv, admin] = await Promise.all([
    devToken(baseUrl, STORY.caseworker, ['caseworker'], [STORY.unitId]),
    devToken(baseUrl, STORY.reviewer, ['reviewer'], ['ha']),
    devToken(baseUrl, STORY.admin, ['admin'], ['*']),
  ]);
  const call = (token: string, method: string, path: string, body: unknown, expected: number) =>
    apiCall(baseUrl, token, method, path, body, expected);
  const today = chinaToday(new Date());

  // The region's lines: 1,000.00 yuan per person, the relative line at 150% (1,500.00 yuan).
  await call(
    admin,
    'PUT',
    `/hardship/policies/regions/${STORY.regionCode}`,
    { minimumLivingStandardFen: 100_000, relativeMultiplierBp: 15_000 },
    200,
  );

  // 医疗互助: a period, the mother enrolled, a claim approved by the reviewer and paid.
  const period = await call(
    admin,
    'POST',
    '/medical-aid/periods',
    {
      name: '审计演示互助期次',
      coverageStart: addDays(today, -60),
      coverageEnd: addDays(today, 300),
      enrollmentOpensOn: addDays(today, -60),
      enrollmentClosesOn: addDays(today, 30),
      rules: {
        inpatient: {
          deductibleFen: 100_000,
          bands: [
            { uptoFen: 5_000_000, ratioBp: 5000 },
            { uptoFen: null, ratioBp: 6000 },
          ],
        },
        seriousIllness: {
          bands: [
            { uptoFen: 4_000_000, ratioBp: 5000 },
            { uptoFen: null, ratioBp: 7000 },
          ],
        },
        hardshipRisk: { thresholdFen: 3_000_000 },
      },
    },
    201,
  );
  const periodId = String(period.periodId);
  await call(
    cw,
    'POST',
    `/medical-aid/periods/${periodId}/enrollments`,
    {
      unitId: STORY.unitId,
      paymentRef: 'PAY-AUDIT-1',
      members: [{ idNumber: STORY.parentIdNumber, name: STORY.parentName, hasBasicMedicalInsurance: true }],
    },
    200,
  );
  const claimId = await paidHeavyClaim(
    baseUrl,
    { caseworker: cw, reviewer: rv },
    {
      periodId,
      idNumber: STORY.parentIdNumber,
      hospital: '郑州大学第一附属医院',
      diagnosisCode: 'C50.9',
      paymentRef: 'BANK-AUDIT-1',
      on: today,
    },
  );

  // The hardship risk crosses to hardship as a referral; the caseworker opens the case from it.
  let referralId = '';
  await eventually('the hardship-risk referral', async () => {
    const list = await call(cw, 'GET', '/hardship/referrals?status=pending', undefined, 200);
    const found = (list.items as Json[]).find((r) => r.memberName === STORY.parentName);
    referralId = typeof found?.referralId === 'string' ? found.referralId : '';
    return found !== undefined;
  });
  const opened = await call(
    cw,
    'POST',
    '/hardship/cases',
    {
      person: { idNumber: STORY.parentIdNumber, name: STORY.parentName },
      unitId: STORY.unitId,
      regionCode: STORY.regionCode,
      household: { size: 3, monthlyIncomeFen: 390_000 },
      causes: ['illness'],
      channel: 'referral',
      consent: { documentRef: '工帮授〔2026〕0001号', signedOn: '2026-01-05' },
      referralId,
    },
    201,
  );
  const caseId = String(opened.caseId);
  // The husband lost his job: reassessed at 2,400.00 yuan a month, deep hardship.
  await call(
    cw,
    'POST',
    `/hardship/cases/${caseId}/reassessments`,
    { household: { size: 3, monthlyIncomeFen: 240_000 }, causes: ['illness', 'unemployment'] },
    200,
  );

  // 金秋助学: the daughter's application, approved and paid once grants knows the case.
  const campaign = await call(
    admin,
    'POST',
    '/grants/campaigns',
    {
      year: Number(today.slice(0, 4)),
      name: '审计演示金秋助学',
      budgetFen: 100_000_000,
      opensOn: today,
      closesOn: addDays(today, 30),
      schoolStartOn: addDays(today, 40),
      amountsByLevelFen: { undergraduate: 500_000, senior_high: 300_000 },
    },
    201,
  );
  await eventually('grants knows the deep-hardship case', async () => {
    const e = await call(cw, 'GET', `/grants/eligibility/${STORY.parentIdNumber}`, undefined, 200);
    return e.hasOpenCase === true && e.tier === 'deep';
  });
  const application = await call(
    cw,
    'POST',
    '/grants/applications',
    {
      campaignId: String(campaign.campaignId),
      parentIdNumber: STORY.parentIdNumber,
      consent: { documentRef: '工助授〔2026〕0001号', signedOn: '2026-01-05' },
      unitId: STORY.unitId,
      student: {
        idNumber: STORY.studentIdNumber,
        name: STORY.studentName,
        level: 'undergraduate',
        school: '郑州大学',
      },
    },
    201,
  );
  const applicationId = String(application.applicationId);
  await call(rv, 'POST', `/grants/applications/${applicationId}/approve`, {}, 200);
  await call(
    cw,
    'POST',
    `/grants/applications/${applicationId}/disburse`,
    { paymentRef: 'BANK-AUDIT-2', paidOn: today },
    200,
  );

  // The grant paid lands in the case file's history (grants -> hardship, asynchronously).
  await eventually('the grant in the case history', async () => {
    const c = await call(cw, 'GET', `/hardship/cases/${caseId}`, undefined, 200);
    return (c.externalAssistance as Json[]).some((x) => x.type === 'GrantDisbursed');
  });
  return { caseId, claimId, applicationId, periodId };
}
