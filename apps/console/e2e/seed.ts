// The data the console suite's 工作台 shows, made through the public API of the running platform
// (the gateway, as any client would): a case whose last home visit is long past (走访已逾期) and a
// pending referral from medical aid (a paid claim whose remaining burden passes the hardship-risk
// threshold, carried across services as in the embedded platform). Nothing is written around it.
import { addDays, chinaToday, idNumberWithCheckChar } from '@union/kernel';
import { apiCall, devToken, eventually, type Json } from './harness';

/** What the seed made, for the suite's assertions. */
export interface Seeded {
  readonly visitOverdueName: string;
  readonly referralMemberName: string;
}

/** Seeds the 工作台 of the caseworker of `unitId` (sub `caseworkerSub`). */
export async function seedWorkbench(baseUrl: string, caseworkerSub: string, unitId: string): Promise<Seeded> {
  const [caseworker, admin, reviewer] = await Promise.all([
    devToken(baseUrl, caseworkerSub, ['caseworker'], [unitId]),
    devToken(baseUrl, 'admin-seed', ['admin'], ['*']),
    devToken(baseUrl, 'rv-seed', ['reviewer'], ['*']),
  ]);
  const call = (token: string, method: string, path: string, body: unknown, expected: number) =>
    apiCall(baseUrl, token, method, path, body, expected);
  const today = chinaToday(new Date());

  // 走访已逾期: a case whose last recorded visit (entered late) was 200 days ago, past the 180.
  const visitOverdueName = '刘淑芬';
  const opened = await call(
    caseworker,
    'POST',
    '/hardship/cases',
    {
      person: { idNumber: idNumberWithCheckChar('11010519650315004'), name: visitOverdueName },
      unitId,
      regionCode: '410105',
      household: { size: 2, monthlyIncomeFen: 150_000 },
      causes: ['illness'],
      channel: 'walk_in',
      consent: { documentRef: '工帮授〔2026〕0001号', signedOn: '2026-01-05' },
    },
    201,
  );
  await call(
    caseworker,
    'POST',
    `/hardship/cases/${String(opened.caseId)}/visits`,
    { visitedOn: addDays(today, -200), visitor: '李敏', findings: '家中两人，靠低保和零工维持。' },
    201,
  );

  // 待处理转介: medical aid's hardship-risk referral (DOMAIN.md §3, worked example 2).
  const referralMemberName = '马海燕';
  const member = idNumberWithCheckChar('63010219850101002');
  const period = await call(
    admin,
    'POST',
    '/medical-aid/periods',
    {
      name: '2026年度职工医疗互助',
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
    caseworker,
    'POST',
    `/medical-aid/periods/${periodId}/enrollments`,
    {
      unitId,
      paymentRef: 'PAY-SEED-1',
      members: [{ idNumber: member, name: referralMemberName, hasBasicMedicalInsurance: true }],
    },
    200,
  );
  await paidHeavyClaim(
    baseUrl,
    { caseworker, reviewer },
    {
      periodId,
      idNumber: member,
      hospital: '北京市朝阳医院',
      diagnosisCode: 'C34.9',
      paymentRef: 'BANK-SEED-1',
      on: today,
    },
  );

  // The referral crosses services (medical aid -> hardship) asynchronously: wait until it is filed.
  await eventually('the hardship-risk referral', async () => {
    const list = await call(caseworker, 'GET', '/hardship/referrals?status=pending', undefined, 200);
    return (list.items as Json[]).some((r) => r.memberName === referralMemberName);
  });
  return { visitOverdueName, referralMemberName };
}

/**
 * A claim whose bill leaves a heavy burden (300,000 yuan, 100,000 paid by basic insurance),
 * submitted by `caseworker`, approved by `reviewer` and paid: past a period's hardship-risk
 * threshold, medical aid then refers the member to hardship (DOMAIN.md §3). Answers the claim id.
 */
export async function paidHeavyClaim(
  baseUrl: string,
  tokens: { caseworker: string; reviewer: string },
  claim: {
    periodId: string;
    idNumber: string;
    hospital: string;
    diagnosisCode: string;
    paymentRef: string;
    on: string;
  },
): Promise<string> {
  const submitted = await apiCall(
    baseUrl,
    tokens.caseworker,
    'POST',
    '/medical-aid/claims',
    {
      periodId: claim.periodId,
      idNumber: claim.idNumber,
      hospital: claim.hospital,
      admittedOn: claim.on,
      dischargedOn: claim.on,
      diagnosisCode: claim.diagnosisCode,
      bill: {
        totalFen: 30_000_000,
        basicInsurancePaidFen: 10_000_000,
        seriousIllnessInsurancePaidFen: 0,
        medicalAssistancePaidFen: 0,
        employerPaidFen: 0,
        otherPaidFen: 0,
      },
    },
    201,
  );
  const claimId = String(submitted.claimId);
  await apiCall(baseUrl, tokens.reviewer, 'POST', `/medical-aid/claims/${claimId}/approve`, {}, 200);
  const pay = { paymentRef: claim.paymentRef, paidOn: claim.on };
  await apiCall(baseUrl, tokens.caseworker, 'POST', `/medical-aid/claims/${claimId}/pay`, pay, 200);
  return claimId;
}
