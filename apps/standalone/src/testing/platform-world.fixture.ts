// The records the authorisation matrix acts on, created through the gateway by "builder" users of
// every unit: cases, assistance awaiting approval, campaigns, applications, a period with members,
// claims in each state and referrals. `fresh` makes a new record per call so that a cell expected
// to succeed never finds it already changed by an earlier cell.
import { periodBody } from '@union/medical-aid/service/testing';
import type { EmbeddedPlatform } from '../embedded-platform';
import { addDays, bearer, call, eventually, expectCall, newIdNumber, TODAY } from './platform-client.fixture';

export type Unit = 'u1' | 'u2';

/** Ids of the records in one unit. */
export interface UnitRecords {
  caseId: string;
  parentIdNumber: string;
  /** A pending assistance (over the approval threshold) and the case it belongs to. */
  assistanceCaseId: string;
  assistanceId: string;
  applicationId: string;
  memberIdNumber: string;
  claimId: string;
  referralId: string;
  /** A special fund held by the unit, for any category, that its assistance is paid from. */
  fundId: string;
  /** A holiday warmth batch of the unit, prepared (draft), paid from its fund. */
  batchId: string;
}

/** A small union tree: a root, two cities under it and a grass-roots union under the first. */
export interface OrgWorld {
  rootId: string;
  cityIds: [string, string];
  leafId: string;
}

export interface World {
  campaignId: string;
  periodId: string;
  units: Record<Unit, UnitRecords>;
  org: OrgWorld;
  /** New records for a cell that is expected to change them. */
  fresh: {
    caseId(unit: Unit, closed?: boolean): Promise<string>;
    pendingAssistance(unit: Unit): Promise<{ caseId: string; assistanceId: string }>;
    campaignId(): Promise<string>;
    applicationId(unit: Unit, approved?: boolean): Promise<string>;
    member(unit: Unit): Promise<string>;
    claimId(unit: Unit, approved?: boolean): Promise<string>;
    referralId(unit: Unit): Promise<string>;
    /** A new grass-roots union under the first city. */
    orgUnitId(): Promise<string>;
    /** A new draft holiday batch of the unit. */
    batchId(unit: Unit): Promise<string>;
  };
}

/** DOMAIN.md §3's worked-example rules (hardship risk at 30,000 yuan), open today. */
export { periodBody };

/** A 送温暖 batch of `unit`'s deep and relative cases, paid from `fundId`, today. */
export const holidayBatchBody = (unit: string, fundId: string) => ({
  name: '春节送温暖',
  orgId: unit,
  fundId,
  tiers: ['deep', 'relative'],
  amountsByTierFen: { deep: 1, relative: 1 },
  paidOn: TODAY,
});

export const campaignBody = () => ({
  year: Number(TODAY.slice(0, 4)),
  name: '金秋助学',
  budgetFen: 1_000_000_000,
  opensOn: TODAY,
  closesOn: addDays(TODAY, 14),
  schoolStartOn: addDays(TODAY, 21),
  amountsByLevelFen: { undergraduate: 500_000 },
});

export const caseBody = (unitId: string, idNumber = newIdNumber()) => ({
  person: { idNumber, name: '王建国' },
  unitId,
  regionCode: '110105',
  household: { size: 4, monthlyIncomeFen: 300_000 },
  causes: ['illness'],
  channel: 'walk_in',
  consent: { documentRef: '工帮授〔2026〕0001号', signedOn: '2026-01-05' },
});

/** Opens a hardship case through the gateway at `url` (201 expected) and answers its id. */
export async function openCaseThrough(
  url: string,
  authorization: string,
  unitId: string,
  idNumber = newIdNumber(),
): Promise<string> {
  const opened = await expectCall(
    201,
    url,
    authorization,
    'POST',
    '/api/v1/hardship/cases',
    caseBody(unitId, idNumber),
  );
  return String(opened.caseId);
}

export const bill = (totalFen: number, basicFen: number) => ({
  totalFen,
  basicInsurancePaidFen: basicFen,
  seriousIllnessInsurancePaidFen: 0,
  medicalAssistancePaidFen: 0,
  employerPaidFen: 0,
  otherPaidFen: 0,
});

let hospitals = 0;
export const claimBody = (periodId: string, idNumber: string, total = 2_000_000, basic = 500_000) => ({
  periodId,
  idNumber,
  hospital: `青海省人民医院${++hospitals}`,
  admittedOn: TODAY,
  dischargedOn: TODAY,
  diagnosisCode: 'I21.9',
  bill: bill(total, basic),
});

export async function buildWorld(platform: EmbeddedPlatform): Promise<World> {
  const url = platform.gatewayUrl;
  const admin = await bearer('builder-admin', ['admin'], ['*']);
  const cw = await bearer('builder-cw', ['caseworker'], ['*']);
  const rv = await bearer('builder-rv', ['reviewer'], ['*']);
  const id = (body: Record<string, unknown>, key: string) => String(body[key]);

  const openCase = (unit: Unit, idNumber?: string) => openCaseThrough(url, cw, unit, idNumber);
  const closedCase = async (unit: Unit) => {
    const caseId = await openCase(unit);
    await expectCall(200, url, cw, 'POST', `/api/v1/hardship/cases/${caseId}/close`, {
      reason: 'moved_away',
    });
    return caseId;
  };
  const funds = {} as Record<Unit, string>;
  for (const unit of ['u1', 'u2'] as const) {
    const body = {
      name: '工会帮扶专项资金',
      year: 2026,
      category: 'any',
      holderOrgId: unit,
      amountFen: 1_000_000_000,
    };
    funds[unit] = id(await expectCall(201, url, admin, 'POST', '/api/v1/hardship/funds', body), 'fundId');
  }
  const pendingAssistance = async (unit: Unit) => {
    const caseId = await openCase(unit);
    const body = {
      kind: 'cash',
      category: 'medical',
      amountFen: 600_000,
      fundId: funds[unit],
      description: '住院慰问',
    };
    const answer = await expectCall(
      201,
      url,
      cw,
      'POST',
      `/api/v1/hardship/cases/${caseId}/assistance`,
      body,
    );
    if (answer.status !== 'pending_approval')
      throw new Error(`assistance not pending: ${JSON.stringify(answer)}`);
    return { caseId, assistanceId: id(answer, 'assistanceId') };
  };
  // One fen a household: approvals in the matrix run batches over the unit's open cases, and must
  // not eat into their yearly cap, which other cells' assistance needs.
  const batch = async (unit: Unit) =>
    id(
      await expectCall(
        201,
        url,
        cw,
        'POST',
        '/api/v1/hardship/holiday-batches',
        holidayBatchBody(unit, funds[unit]),
      ),
      'batchId',
    );
  const newCampaign = async () =>
    id(await expectCall(201, url, admin, 'POST', '/api/v1/grants/campaigns', campaignBody()), 'campaignId');
  const campaignId = await newCampaign();
  const orgUnit = async (name: string, level: string, parentId?: string) =>
    id(
      await expectCall(201, url, admin, 'POST', '/api/v1/org/units', {
        name,
        level,
        parentId,
        regionCode: level === 'province' ? '630000' : '630100',
      }),
      'orgId',
    );
  const rootId = await orgUnit('青海省总工会', 'province');
  const cityIds: [string, string] = [
    await orgUnit('西宁市总工会', 'city', rootId),
    await orgUnit('海东市总工会', 'city', rootId),
  ];
  let orgSerial = 0;
  const newOrgUnit = () => orgUnit(`西宁第${++orgSerial}毛纺厂工会`, 'grassroots', cityIds[0]);
  const org: OrgWorld = { rootId, cityIds, leafId: await newOrgUnit() };
  // The matrix's units join the tree (as an admin adopts a unit named before it, docs/organisation.md),
  // each with a grass-roots union under it that their funds allocate to.
  for (const [i, unit] of (['u1', 'u2'] as const).entries()) {
    for (const [orgId, name, level, parentId] of [
      [unit, `${unit} 区总工会`, 'county', cityIds[i]],
      [`${unit}-g`, `${unit} 基层工会`, 'grassroots', unit],
    ]) {
      await expectCall(201, url, admin, 'POST', '/api/v1/org/units', {
        orgId,
        name,
        level,
        parentId,
        regionCode: '630100',
      });
    }
  }
  // A parent per unit with an open hardship case, known to grants once the bus has delivered it.
  const parents: Record<Unit, { idNumber: string; caseId: string }> = {} as never;
  for (const unit of ['u1', 'u2'] as const) {
    const idNumber = newIdNumber();
    parents[unit] = { idNumber, caseId: await openCase(unit, idNumber) };
  }
  for (const unit of ['u1', 'u2'] as const) {
    await eventually(`grants eligibility of the ${unit} parent`, async () => {
      const e = await call(url, cw, 'GET', `/api/v1/grants/eligibility/${parents[unit].idNumber}`);
      return e.body.hasOpenCase === true ? true : undefined;
    });
  }
  const application = async (unit: Unit, approved = false) => {
    const body = {
      campaignId,
      parentIdNumber: parents[unit].idNumber,
      consent: { documentRef: '工助授〔2026〕0001号', signedOn: '2026-01-05' },
      unitId: unit,
      student: {
        idNumber: newIdNumber('20080101'),
        name: '王小明',
        level: 'undergraduate',
        school: '青海大学',
      },
    };
    const applicationId = id(
      await expectCall(201, url, cw, 'POST', '/api/v1/grants/applications', body),
      'applicationId',
    );
    if (approved)
      await expectCall(200, url, rv, 'POST', `/api/v1/grants/applications/${applicationId}/approve`, {});
    return applicationId;
  };

  const periodId = id(
    await expectCall(201, url, admin, 'POST', '/api/v1/medical-aid/periods', periodBody()),
    'periodId',
  );
  const member = async (unit: Unit) => {
    const idNumber = newIdNumber('19850101');
    const members = [{ idNumber, name: '马海燕', hasBasicMedicalInsurance: true }];
    const result = await expectCall(
      200,
      url,
      cw,
      'POST',
      `/api/v1/medical-aid/periods/${periodId}/enrollments`,
      { unitId: unit, paymentRef: `PAY-${unit}`, members },
    );
    if (result.enrolled !== 1) throw new Error(`not enrolled: ${JSON.stringify(result)}`);
    return idNumber;
  };
  const claim = async (unit: Unit, approved = false, idNumber?: string) => {
    const claimId = id(
      await expectCall(
        201,
        url,
        cw,
        'POST',
        '/api/v1/medical-aid/claims',
        claimBody(periodId, idNumber ?? (await member(unit))),
      ),
      'claimId',
    );
    if (approved) await expectCall(200, url, rv, 'POST', `/api/v1/medical-aid/claims/${claimId}/approve`, {});
    return claimId;
  };
  const referrals = new Set<string>();
  const referral = async (unit: Unit) => {
    const idNumber = await member(unit);
    const claimId = id(
      await expectCall(
        201,
        url,
        cw,
        'POST',
        '/api/v1/medical-aid/claims',
        claimBody(periodId, idNumber, 30_000_000, 10_000_000),
      ),
      'claimId',
    );
    await expectCall(200, url, rv, 'POST', `/api/v1/medical-aid/claims/${claimId}/approve`, {});
    await expectCall(200, url, cw, 'POST', `/api/v1/medical-aid/claims/${claimId}/pay`, {
      paymentRef: `BANK-${claimId}`,
      paidOn: TODAY,
    });
    // The referral carries no identity number; a referral id not seen before is this one.
    return eventually(`referral for ${unit}`, async () => {
      const list = await call(
        url,
        cw,
        'GET',
        `/api/v1/hardship/referrals?status=pending&unitId=${unit}&pageSize=500`,
      );
      const items = (list.body.items ?? []) as { referralId: string }[];
      const found = items.find((r) => !referrals.has(r.referralId))?.referralId;
      if (found) referrals.add(found);
      return found;
    });
  };
  const units = {} as Record<Unit, UnitRecords>;
  for (const unit of ['u1', 'u2'] as const) {
    const pending = await pendingAssistance(unit);
    const memberIdNumber = await member(unit);
    units[unit] = {
      caseId: parents[unit].caseId,
      parentIdNumber: parents[unit].idNumber,
      assistanceCaseId: pending.caseId,
      assistanceId: pending.assistanceId,
      applicationId: await application(unit),
      memberIdNumber,
      claimId: await claim(unit, false, memberIdNumber),
      referralId: await referral(unit),
      fundId: funds[unit],
      batchId: await batch(unit),
    };
  }
  return {
    campaignId,
    periodId,
    units,
    org,
    fresh: {
      orgUnitId: newOrgUnit,
      caseId: (unit, closed = false) => (closed ? closedCase(unit) : openCase(unit)),
      pendingAssistance,
      campaignId: newCampaign,
      applicationId: application,
      member,
      claimId: (unit, approved) => claim(unit, approved),
      referralId: referral,
      batchId: batch,
    },
  };
}
