// What each route of the gateway must answer, written by hand from API.md (never read from the
// route table, so a wrong role there or a missing unit check in a service fails the matrix).
import type { Role } from '@union/platform';
import { TODAY, YEAR } from './platform-client.fixture';
import {
  campaignBody,
  caseBody,
  claimBody,
  holidayBatchBody,
  periodBody,
  type Unit,
  type World,
} from './platform-world.fixture';
import { newIdNumber } from './platform-client.fixture';

export interface CellRequest {
  /** Path with query string. */
  path: string;
  body?: unknown;
}

export interface Expectation {
  /** The roles API.md allows (a caller with none of them gets 403). */
  who: readonly Role[];
  /**
   * `unit`: the record (or the `unitId` asked for) belongs to a unit, so a caller whose token does
   * not hold it gets 403, auditors reading excepted. `none`: not tied to a unit.
   */
  scope: 'unit' | 'none';
  /**
   * For a route keyed by identity number, what another unit's record answers instead of 403: the
   * answer for a person without one there (a 403 would tell that the person is known elsewhere).
   */
  notYours?: 404 | 422;
  ok: 200 | 201;
  /** The request for a record of `unit`; `fresh` asks for a record no other cell has touched. */
  make(world: World, unit: Unit, fresh: boolean): Promise<CellRequest>;
}

const CW: Role[] = ['caseworker'];
const RV: Role[] = ['reviewer'];
const ADMIN: Role[] = ['admin'];
const READERS: Role[] = ['caseworker', 'reviewer', 'auditor'];
const ALL: Role[] = ['caseworker', 'reviewer', 'auditor', 'admin'];

const H = '/api/v1/hardship';
const G = '/api/v1/grants';
const M = '/api/v1/medical-aid';
const O = '/api/v1/org';
const reason = { reason: '经核实，情况有变' };
const payment = { paymentRef: 'PAY-2026-000123', paidOn: TODAY };

type Make = Expectation['make'];
const on =
  (path: (w: World, u: Unit) => string, body?: unknown): Make =>
  (w, u) =>
    Promise.resolve({ path: path(w, u), body });
/** A command on a case of the unit: a new case when the cell should succeed. */
const onCase =
  (suffix: string, body: unknown, closed = false): Make =>
  async (w, u, fresh) => ({
    path: `${H}/cases/${fresh ? await w.fresh.caseId(u, closed) : w.units[u].caseId}${suffix}`,
    body,
  });
const onAssistance =
  (action: string, body: unknown): Make =>
  async (w, u, fresh) => {
    const { caseId, assistanceId } = fresh
      ? await w.fresh.pendingAssistance(u)
      : { caseId: w.units[u].assistanceCaseId, assistanceId: w.units[u].assistanceId };
    return { path: `${H}/cases/${caseId}/assistance/${assistanceId}/${action}`, body };
  };
/** A decision on a draft holiday batch of the unit: a new one when the cell should succeed. */
const onBatch =
  (action: string, body: unknown): Make =>
  async (w, u, fresh) => ({
    path: `${H}/holiday-batches/${fresh ? await w.fresh.batchId(u) : w.units[u].batchId}/${action}`,
    body,
  });
const onApplication =
  (action: string, body: unknown, approved = false): Make =>
  async (w, u, fresh) => ({
    path: `${G}/applications/${fresh ? await w.fresh.applicationId(u, approved) : w.units[u].applicationId}/${action}`,
    body,
  });
const onClaim =
  (action: string, body: unknown, approved = false): Make =>
  async (w, u, fresh) => ({
    path: `${M}/claims/${fresh ? await w.fresh.claimId(u, approved) : w.units[u].claimId}/${action}`,
    body,
  });
/** A command on a grass-roots union of the tree: a new one when the cell should succeed. */
const onOrgUnit =
  (suffix: string, body: (w: World) => unknown): Make =>
  async (w, _u, fresh) => ({
    path: `/api/v1/org/units/${fresh ? await w.fresh.orgUnitId() : w.org.leafId}${suffix}`,
    body: body(w),
  });
/** The parent's signed authorisation (授权书) every application carries. */
const CONSENT = { documentRef: '工助授〔2026〕0001号', signedOn: '2026-01-05' };
const student = () => ({
  idNumber: newIdNumber('20080101'),
  name: '王小明',
  level: 'undergraduate',
  school: '青海大学',
});

// prettier-ignore
export const EXPECTATIONS: Record<string, Expectation> = {
  [`POST ${H}/cases`]: { who: CW, scope: 'unit', ok: 201, make: (_w, u) => Promise.resolve({ path: `${H}/cases`, body: caseBody(u) }) },
  [`GET ${H}/cases`]: { who: READERS, scope: 'unit', ok: 200, make: on((_w, u) => `${H}/cases?unitId=${u}`) },
  [`GET ${H}/cases/{caseId}`]: { who: READERS, scope: 'unit', ok: 200, make: onCase('', undefined) },
  [`POST ${H}/cases/{caseId}/visits`]: { who: CW, scope: 'unit', ok: 201, make: onCase('/visits', { visitedOn: TODAY, visitor: '张红（社区工会主席）', findings: '老人卧床，孩子读高中。' }) },
  [`POST ${H}/cases/{caseId}/reassessments`]: { who: CW, scope: 'unit', ok: 200, make: onCase('/reassessments', { household: { size: 4, monthlyIncomeFen: 320_000 } }) },
  [`POST ${H}/cases/{caseId}/assistance`]: { who: CW, scope: 'unit', ok: 201, make: async (w, u, fresh) => ({ path: `${H}/cases/${fresh ? await w.fresh.caseId(u) : w.units[u].caseId}/assistance`, body: { kind: 'cash', category: 'holiday', amountFen: 100_000, fundId: w.units[u].fundId, description: '春节送温暖慰问金' } }) },
  [`POST ${H}/funds`]: { who: ADMIN, scope: 'unit', ok: 201, make: (_w, u) => Promise.resolve({ path: `${H}/funds`, body: { name: '送温暖专项资金', year: 2026, category: 'holiday', holderOrgId: u, amountFen: 1_000_000 } }) },
  [`POST ${H}/funds/{fundId}/allocations`]: { who: ADMIN, scope: 'unit', ok: 201, make: (w, u) => Promise.resolve({ path: `${H}/funds/${w.units[u].fundId}/allocations`, body: { toOrgId: `${u}-g`, amountFen: 1 } }) },
  [`GET ${H}/funds`]: { who: ALL, scope: 'none', ok: 200, make: on(() => `${H}/funds?year=2026`) },
  [`GET ${H}/funds/{fundId}`]: { who: ALL, scope: 'unit', ok: 200, make: on((w, u) => `${H}/funds/${w.units[u].fundId}`) },
  [`GET ${H}/funds/{fundId}/report`]: { who: [...RV, 'auditor', 'admin'], scope: 'unit', ok: 200, make: on((w, u) => `${H}/funds/${w.units[u].fundId}/report?groupBy=child`) },
  [`POST ${H}/holiday-batches`]: { who: ['caseworker', 'admin'], scope: 'unit', ok: 201, make: (w, u) => Promise.resolve({ path: `${H}/holiday-batches`, body: holidayBatchBody(u, w.units[u].fundId) }) },
  [`GET ${H}/holiday-batches/{batchId}`]: { who: READERS, scope: 'unit', ok: 200, make: on((w, u) => `${H}/holiday-batches/${w.units[u].batchId}`) },
  [`GET ${H}/holiday-batches/{batchId}/lines`]: { who: READERS, scope: 'unit', ok: 200, make: on((w, u) => `${H}/holiday-batches/${w.units[u].batchId}/lines?status=included`) },
  [`POST ${H}/holiday-batches/{batchId}/approve`]: { who: RV, scope: 'unit', ok: 200, make: onBatch('approve', {}) },
  [`POST ${H}/holiday-batches/{batchId}/reject`]: { who: RV, scope: 'unit', ok: 200, make: onBatch('reject', reason) },
  [`GET ${H}/assistance`]: { who: READERS, scope: 'unit', ok: 200, make: on((_w, u) => `${H}/assistance?status=pending_approval&unitId=${u}&submittedByNot=someone-else`) },
  [`GET ${H}/holiday-batches`]: { who: READERS, scope: 'unit', ok: 200, make: on((_w, u) => `${H}/holiday-batches?status=draft&orgId=${u}&submittedByNot=someone-else`) },
  [`POST ${H}/cases/{caseId}/assistance/{assistanceId}/approve`]: { who: RV, scope: 'unit', ok: 200, make: onAssistance('approve', { reason: '经审核，情况属实' }) },
  [`POST ${H}/cases/{caseId}/assistance/{assistanceId}/reject`]: { who: RV, scope: 'unit', ok: 200, make: onAssistance('reject', reason) },
  [`PUT ${H}/cases/{caseId}/pairing`]: { who: CW, scope: 'unit', ok: 200, make: onCase('/pairing', { helperName: '李志强', helperUnit: '市总工会机关党支部' }) },
  [`POST ${H}/cases/{caseId}/close`]: { who: CW, scope: 'unit', ok: 200, make: onCase('/close', { reason: 'moved_away' }) },
  [`POST ${H}/cases/{caseId}/reopen`]: { who: CW, scope: 'unit', ok: 200, make: onCase('/reopen', reason, true) },
  [`GET ${H}/referrals`]: { who: ['caseworker', 'auditor'], scope: 'unit', ok: 200, make: on((_w, u) => `${H}/referrals?unitId=${u}`) },
  [`GET ${H}/referrals/{referralId}`]: { who: ['caseworker', 'auditor'], scope: 'unit', ok: 200, make: on((w, u) => `${H}/referrals/${w.units[u].referralId}`) },
  [`POST ${H}/referrals/{referralId}/dismiss`]: { who: CW, scope: 'unit', ok: 200, make: async (w, u, fresh) => ({ path: `${H}/referrals/${fresh ? await w.fresh.referralId(u) : w.units[u].referralId}/dismiss`, body: reason }) },
  [`GET ${H}/stats`]: { who: ALL, scope: 'unit', ok: 200, make: on((_w, u) => `${H}/stats?year=${YEAR}&unitId=${u}`) },
  [`GET ${H}/policies/regions`]: { who: ALL, scope: 'none', ok: 200, make: on(() => `${H}/policies/regions?pageSize=10`) },
  [`GET ${H}/policies/regions/{regionCode}`]: { who: ALL, scope: 'none', ok: 200, make: on(() => `${H}/policies/regions/110105`) },
  [`PUT ${H}/policies/regions/{regionCode}`]: { who: ADMIN, scope: 'none', ok: 200, make: on(() => `${H}/policies/regions/630102`, { minimumLivingStandardFen: 90_000, relativeMultiplierBp: 15_000 }) },

  [`POST ${G}/campaigns`]: { who: ADMIN, scope: 'none', ok: 201, make: on(() => `${G}/campaigns`, campaignBody()) },
  [`GET ${G}/campaigns`]: { who: ALL, scope: 'none', ok: 200, make: on(() => `${G}/campaigns?year=2026&status=open`) },
  [`GET ${G}/campaigns/{campaignId}`]: { who: ALL, scope: 'none', ok: 200, make: on((w) => `${G}/campaigns/${w.campaignId}`) },
  [`POST ${G}/campaigns/{campaignId}/close`]: { who: ADMIN, scope: 'none', ok: 200, make: async (w, _u, fresh) => ({ path: `${G}/campaigns/${fresh ? await w.fresh.campaignId() : w.campaignId}/close` }) },
  [`GET ${G}/campaigns/{campaignId}/report`]: { who: ['reviewer', 'auditor', 'admin'], scope: 'none', ok: 200, make: on((w) => `${G}/campaigns/${w.campaignId}/report`) },
  [`POST ${G}/applications`]: { who: CW, scope: 'unit', ok: 201, make: (w, u) => Promise.resolve({ path: `${G}/applications`, body: { campaignId: w.campaignId, parentIdNumber: w.units[u].parentIdNumber, unitId: u, student: student(), consent: CONSENT } }) },
  [`GET ${G}/applications`]: { who: READERS, scope: 'unit', ok: 200, make: on((_w, u) => `${G}/applications?unitId=${u}`) },
  [`GET ${G}/applications/{applicationId}`]: { who: READERS, scope: 'unit', ok: 200, make: on((w, u) => `${G}/applications/${w.units[u].applicationId}`) },
  [`POST ${G}/applications/{applicationId}/approve`]: { who: RV, scope: 'unit', ok: 200, make: onApplication('approve', { recurring: false }) },
  [`POST ${G}/applications/{applicationId}/reject`]: { who: RV, scope: 'unit', ok: 200, make: onApplication('reject', reason) },
  [`POST ${G}/applications/{applicationId}/disburse`]: { who: ['caseworker', 'reviewer'], scope: 'unit', ok: 200, make: onApplication('disburse', payment, true) },
  [`POST ${G}/applications/{applicationId}/withdraw`]: { who: CW, scope: 'unit', ok: 200, make: onApplication('withdraw', reason) },
  // Eligibility is asked about a parent whose case may be in any unit, so it is not unit-scoped.
  [`GET ${G}/eligibility/{idNumber}`]: { who: READERS, scope: 'none', ok: 200, make: on((w, u) => `${G}/eligibility/${w.units[u].parentIdNumber}`) },

  [`POST ${M}/periods`]: { who: ADMIN, scope: 'none', ok: 201, make: on(() => `${M}/periods`, periodBody()) },
  [`GET ${M}/periods`]: { who: ALL, scope: 'none', ok: 200, make: on(() => `${M}/periods?pageSize=10`) },
  [`GET ${M}/periods/{periodId}`]: { who: ALL, scope: 'none', ok: 200, make: on((w) => `${M}/periods/${w.periodId}`) },
  [`GET ${M}/periods/{periodId}/fund-report`]: { who: ['reviewer', 'auditor', 'admin'], scope: 'none', ok: 200, make: on((w) => `${M}/periods/${w.periodId}/fund-report`) },
  [`POST ${M}/periods/{periodId}/enrollments`]: { who: CW, scope: 'unit', ok: 200, make: (w, u) => Promise.resolve({ path: `${M}/periods/${w.periodId}/enrollments`, body: { unitId: u, paymentRef: 'PAY-2026-0001', members: [{ idNumber: newIdNumber('19850101'), name: '马海燕', hasBasicMedicalInsurance: true }] } }) },
  [`GET ${M}/periods/{periodId}/members/{idNumber}`]: { who: READERS, scope: 'unit', notYours: 404, ok: 200, make: on((w, u) => `${M}/periods/${w.periodId}/members/${w.units[u].memberIdNumber}`) },
  [`POST ${M}/claims`]: { who: CW, scope: 'unit', notYours: 422, ok: 201, make: async (w, u, fresh) => ({ path: `${M}/claims`, body: claimBody(w.periodId, fresh ? await w.fresh.member(u) : w.units[u].memberIdNumber) }) },
  [`GET ${M}/claims`]: { who: READERS, scope: 'unit', ok: 200, make: on((_w, u) => `${M}/claims?unitId=${u}`) },
  [`GET ${M}/claims/{claimId}`]: { who: READERS, scope: 'unit', ok: 200, make: on((w, u) => `${M}/claims/${w.units[u].claimId}`) },
  [`POST ${M}/claims/{claimId}/approve`]: { who: RV, scope: 'unit', ok: 200, make: onClaim('approve', {}) },
  [`POST ${M}/claims/{claimId}/reject`]: { who: RV, scope: 'unit', ok: 200, make: onClaim('reject', reason) },
  [`POST ${M}/claims/{claimId}/pay`]: { who: ['caseworker', 'reviewer'], scope: 'unit', ok: 200, make: onClaim('pay', payment, true) },
  [`GET ${M}/eligibility/{idNumber}`]: { who: READERS, scope: 'none', ok: 200, make: on((w, u) => `${M}/eligibility/${w.units[u].parentIdNumber}`) },

  // The tree is no unit's record: everyone reads it, only admins change it.
  [`POST ${O}/units`]: { who: ADMIN, scope: 'none', ok: 201, make: (w) => Promise.resolve({ path: `${O}/units`, body: { name: '湟中区总工会', level: 'county', parentId: w.org.cityIds[0], regionCode: '630106' } }) },
  [`GET ${O}/units`]: { who: ALL, scope: 'none', ok: 200, make: on((w) => `${O}/units?parentId=${w.org.rootId}`) },
  [`GET ${O}/units/{orgId}`]: { who: ALL, scope: 'none', ok: 200, make: on((w) => `${O}/units/${w.org.cityIds[0]}?depth=2`) },
  [`POST ${O}/units/{orgId}/rename`]: { who: ADMIN, scope: 'none', ok: 200, make: onOrgUnit('/rename', () => ({ name: '西宁毛纺厂工会（更名）' })) },
  [`POST ${O}/units/{orgId}/move`]: { who: ADMIN, scope: 'none', ok: 200, make: onOrgUnit('/move', (w) => ({ parentId: w.org.cityIds[1] })) },
  [`POST ${O}/units/{orgId}/close`]: { who: ADMIN, scope: 'none', ok: 200, make: onOrgUnit('/close', () => ({ reason: '企业注销' })) },
  ...auditExpectations('hardship-cases', (w, u) => `case-${w.units[u].caseId}`),
  ...auditExpectations('education-grants', (w, u) => `application-${w.units[u].applicationId}`),
  ...auditExpectations('medical-aid', (w, u) => `claim-${w.units[u].claimId}`),
  ...auditExpectations('organisation', (w) => `org-${w.org.rootId}`),
};

/** API.md "Audit": auditors and admins read every unit's log; only admins run rebuild-compare. */
function auditExpectations(
  service: string,
  streamOf: (w: World, u: Unit) => string,
): Record<string, Expectation> {
  const A = `/api/v1/audit/${service}`;
  const AUDIT: Role[] = ['auditor', 'admin'];
  // prettier-ignore
  return {
    [`GET ${A}/streams/{streamId}/events`]: { who: AUDIT, scope: 'none', ok: 200, make: on((w, u) => `${A}/streams/${streamOf(w, u)}/events`) },
    [`GET ${A}/streams/{streamId}/state`]: { who: AUDIT, scope: 'none', ok: 200, make: on((w, u) => `${A}/streams/${streamOf(w, u)}/state?asOfVersion=1`) },
    [`GET ${A}/verify`]: { who: AUDIT, scope: 'none', ok: 200, make: on(() => `${A}/verify`) },
    [`GET ${A}/verify/stream`]: { who: AUDIT, scope: 'none', ok: 200, make: on(() => `${A}/verify/stream`) },
    [`GET ${A}/seals`]: { who: AUDIT, scope: 'none', ok: 200, make: on(() => `${A}/seals`) },
    [`GET ${A}/streams/{streamId}/as-decided`]: { who: AUDIT, scope: 'none', ok: 200, make: on((w, u) => `${A}/streams/${streamOf(w, u)}/as-decided?version=1`) },
    [`GET ${A}/streams/{streamId}/export`]: { who: AUDIT, scope: 'none', ok: 200, make: on((w, u) => `${A}/streams/${streamOf(w, u)}/export?format=json`) },
    [`POST ${A}/rebuild-compare`]: { who: ADMIN, scope: 'none', ok: 200, make: on(() => `${A}/rebuild-compare`) },
    [`GET ${A}/access-log`]: { who: AUDIT, scope: 'none', ok: 200, make: on(() => `${A}/access-log`) },
  };
}

/** The status a caller with `role` of unit u1 must get for a record of `unit`. */
export function expectedStatus(expectation: Expectation, role: Role, unit: Unit, method: string): number {
  if (!expectation.who.includes(role)) return 403;
  const readsEverything = role === 'auditor' && method === 'GET';
  if (expectation.scope === 'unit' && unit === 'u2' && !readsEverything) return expectation.notYours ?? 403;
  return expectation.ok;
}
