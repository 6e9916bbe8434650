import { ROLES, type Role } from '@union/platform';
import type { UpstreamName } from '../gateway.settings';

export type HttpMethod = 'GET' | 'POST' | 'PUT';

/**
 * One route of API.md as the gateway sees it: who may call it and which service answers. The
 * single source for authorisation at the gateway and for the OpenAPI document (`/docs-json`).
 */
export interface GatewayRoute {
  readonly method: HttpMethod;
  /** Full path with `{param}` placeholders, e.g. `/api/v1/hardship/cases/{caseId}`. */
  readonly path: string;
  readonly upstream: UpstreamName;
  readonly roles: readonly Role[];
  readonly summary: string;
  /** Name of the request body schema in the OpenAPI document, if the route takes a body. */
  readonly body?: string;
  /** Query parameters API.md names. */
  readonly query?: readonly string[];
  /** Success status and the response schema's name. */
  readonly status: 200 | 201;
  readonly response: string;
  /**
   * When the service serves the route under another prefix: the gateway's `from` prefix becomes
   * `to` (the audit routes name the service in the gateway's path, e.g.
   * `/api/v1/audit/medical-aid/verify` is the medical-aid service's `/api/v1/audit/verify`).
   */
  readonly servicePrefix?: { readonly from: string; readonly to: string };
  /** The success answer's media types, when not only JSON (the first is the default). */
  readonly content?: readonly string[];
  /**
   * The answer is passed on as it arrives, not read whole first: a long answer written while it
   * is computed (the streamed verification); the timeout bounds the wait for each piece.
   */
  readonly streamed?: true;
}

/** The services that keep an audited event log; `{service}` in the audit routes is one of them. */
export const AUDITED_SERVICES: readonly UpstreamName[] = [
  'hardship-cases',
  'education-grants',
  'medical-aid',
  'organisation',
];

const ALL: readonly Role[] = ROLES;
const AUDITORS: readonly Role[] = ['auditor', 'admin'];
const READERS: readonly Role[] = ['caseworker', 'reviewer', 'auditor'];
const LIST = ['page', 'pageSize'] as const;

type Row = [
  HttpMethod,
  string,
  readonly Role[],
  string,
  Partial<Omit<GatewayRoute, 'method' | 'path' | 'roles' | 'summary' | 'upstream'>>?,
];

function programme(upstream: UpstreamName, prefix: string, rows: readonly Row[]): GatewayRoute[] {
  return rows.map(([method, path, roles, summary, more]) => ({
    method,
    path: `/api/v1/${prefix}${path}`,
    upstream,
    roles,
    summary,
    status: 200,
    response: 'Result',
    ...more,
  }));
}

/**
 * The forwarded audit routes of one service (API.md, "Audit"; admin only for rebuild-compare):
 * `/api/v1/audit/<service>/…` at the gateway is `/api/v1/audit/…` on that service. An unknown
 * `<service>` matches no route, hence 404. Timeline and trace fan out at the gateway instead
 * (`../audit/`), so they are not in this table.
 */
function audit(upstream: UpstreamName): GatewayRoute[] {
  const from = `/api/v1/audit/${upstream}`;
  // prettier-ignore
  return programme(upstream, `audit/${upstream}`, [
    ['GET', '/streams/{streamId}/events', AUDITORS, 'Every event of a stream, with hashes (audit)', { query: ['fromVersion'], response: 'AuditStreamEvents' }],
    ['GET', '/streams/{streamId}/state', AUDITORS, 'A record as it was at a version or an instant (audit)', { query: ['asOfVersion', 'asOf'], response: 'AuditState' }],
    ['GET', '/verify', AUDITORS, 'Verify the hash chain and the seals of a range of the log (audit)', { query: ['fromPosition', 'toPosition', 'wholeSeals', 'anchor'], response: 'AuditVerification' }],
    ['GET', '/verify/stream', AUDITORS, 'Verify the log in one pass, streamed: NDJSON lines of progress, then the result (audit)', { query: ['fromPosition', 'toPosition', 'anchor'], response: 'AuditVerifyStreamLine', content: ['application/x-ndjson'], streamed: true }],
    ['GET', '/seals', AUDITORS, 'The seals of the log, newest first (audit)', { query: [...LIST], response: 'AuditSealPage' }],
    ['GET', '/streams/{streamId}/as-decided', AUDITORS, 'A decision with the record as the decider saw it and the policy then in force (audit)', { query: ['version'], response: 'AuditAsDecided' }],
    ['GET', '/streams/{streamId}/export', AUDITORS, 'The record\'s evidence file, JSON or CSV with every hash, as a download (audit)', { query: ['format'], response: 'AuditExport', content: ['application/json', 'text/csv'] }],
    ['POST', '/rebuild-compare', ['admin'], 'Rebuild every read model into a shadow copy and compare (audit)', { response: 'RebuildComparison' }],
    ['GET', '/access-log', AUDITORS, "Recorded reads of personal data beyond the reader's own unit work (audit)", { query: ['actor', 'subject', ...LIST], response: 'AccessLogPage' }],
  ]).map((route) => ({ ...route, servicePrefix: { from, to: '/api/v1/audit' } }));
}

/**
 * Every `/api/v1` route of the three programmes and of the organisation (API.md), with the roles it allows, plus the few
 * read routes the services offer beyond API.md (marked so), and the audit routes of each service. A route not listed here is a 404 at
 * the gateway. One line per route so it reads like the tables in API.md (hence prettier-ignore).
 */
// prettier-ignore
export const ROUTE_TABLE: readonly GatewayRoute[] = [
  ...programme('hardship-cases', 'hardship', [
    ['POST', '/cases', ['caseworker'], 'Open a hardship case (dryRun=true: the case it would open and its tier, nothing stored)', { body: 'OpenCase', query: ['dryRun'], status: 201, response: 'Case' }],
    ['GET', '/cases', READERS, 'List hardship cases', { query: ['unitId', 'status', 'tier', 'reviewDueBefore', 'visitOverdue', ...LIST], response: 'CasePage' }],
    ['GET', '/cases/{caseId}', READERS, 'A case with assistance, visits and history (purpose: the full identity number too, recorded)', { query: ['purpose'], response: 'CaseDetail' }],
    ['POST', '/cases/{caseId}/visits', ['caseworker'], 'Record a home visit', { body: 'RecordVisit', status: 201 }],
    ['POST', '/cases/{caseId}/reassessments', ['caseworker'], 'Reassess the household (dryRun=true: the case as it would leave it and the lines of its tier, nothing stored)', { body: 'Reassess', query: ['dryRun'], response: 'Case' }],
    ['POST', '/cases/{caseId}/assistance', ['caseworker'], 'Grant assistance', { body: 'GrantAssistance', status: 201, response: 'AssistanceRecord' }],
    ['GET', '/assistance', READERS, 'Assistance across the cases of your units, each with its case, its year against the cap and its fund (beyond API.md)', { query: ['status', 'unitId', 'submittedByNot', ...LIST], response: 'AssistancePage' }],
    ['POST', '/cases/{caseId}/assistance/{assistanceId}/approve', ['reviewer'], 'Approve pending assistance', { body: 'Reason' }],
    ['POST', '/cases/{caseId}/assistance/{assistanceId}/reject', ['reviewer'], 'Reject pending assistance', { body: 'Reason' }],
    ['PUT', '/cases/{caseId}/pairing', ['caseworker'], 'Pair the family with a helper', { body: 'Pairing' }],
    ['POST', '/cases/{caseId}/close', ['caseworker'], 'Close the case', { body: 'CloseCase' }],
    ['POST', '/cases/{caseId}/reopen', ['caseworker'], 'Reopen the case', { body: 'Reason' }],
    ['GET', '/referrals', ['caseworker', 'auditor'], 'List referrals from medical aid', { query: ['status', ...LIST], response: 'ReferralPage' }],
    ['GET', '/referrals/{referralId}', ['caseworker', 'auditor'], 'A referral (beyond API.md, served by the service)', { response: 'Referral' }],
    ['POST', '/referrals/{referralId}/dismiss', ['caseworker'], 'Dismiss a referral', { body: 'Reason', response: 'Referral' }],
    ['POST', '/holiday-batches', ['caseworker', 'admin'], 'Prepare a holiday warmth batch (送温暖) with its preview', { body: 'HolidayBatch', status: 201 }],
    ['GET', '/holiday-batches', READERS, 'Holiday batches of your units, each with its fund (beyond API.md)', { query: ['status', 'orgId', 'submittedByNot', ...LIST], response: 'HolidayBatchPage' }],
    ['GET', '/holiday-batches/{batchId}', ['caseworker', 'reviewer', 'auditor'], 'A holiday batch: status, totals, progress', { response: 'HolidayBatchRecord' }],
    ['GET', '/holiday-batches/{batchId}/lines', ['caseworker', 'reviewer', 'auditor'], 'The households of a batch, with amount or why left out', { query: ['status', ...LIST], response: 'Page' }],
    ['POST', '/holiday-batches/{batchId}/approve', ['reviewer'], 'Approve a batch (not its preparer); refused whole if the fund cannot cover it', { body: 'Reason', response: 'HolidayBatchRecord' }],
    ['POST', '/holiday-batches/{batchId}/reject', ['reviewer'], 'Reject a batch (not its preparer)', { body: 'RequiredReason', response: 'HolidayBatchRecord' }],
    ['GET', '/stats', ALL, 'Yearly figures, and the cases open now by tier', { query: ['year', 'unitId', 'orgId', 'groupBy'], response: 'HardshipStats' }],
    ['GET', '/policies/regions', ALL, 'Regions with a policy of their own, each with every version, and the default policy (beyond API.md)', { query: [...LIST], response: 'RegionPolicyList' }],
    ['GET', '/policies/regions/{regionCode}', ALL, "A region's policy (beyond API.md, served by the service)"],
    ['PUT', '/policies/regions/{regionCode}', ['admin'], "Set a region's policy", { body: 'RegionPolicy', response: 'PublishedRegionPolicy' }],
    ['POST', '/funds', ['admin'], 'Set up a special fund', { body: 'CreateFund', status: 201 }],
    ['POST', '/funds/{fundId}/allocations', ['admin'], 'Allocate part of a fund to a child node', { body: 'AllocateFund', status: 201 }],
    ['GET', '/funds', ALL, 'List funds', { query: ['holderOrgId', 'year', 'category', ...LIST], response: 'FundPage' }],
    ['GET', '/funds/{fundId}', ALL, 'A fund with its amount, allocated, spent and remaining', { response: 'Fund' }],
    ['GET', '/funds/{fundId}/report', ['reviewer', 'auditor', 'admin'], 'Fund report by child node', { query: ['groupBy'] }],
  ]),
  ...programme('education-grants', 'grants', [
    ['POST', '/campaigns', ['admin'], 'Create a grant campaign', { body: 'CreateCampaign', status: 201, response: 'Campaign' }],
    ['GET', '/campaigns', ALL, 'List campaigns with their budget figures (beyond API.md)', { query: ['year', 'status', ...LIST], response: 'CampaignPage' }],
    ['GET', '/campaigns/{campaignId}', ALL, 'A campaign with its budget figures', { response: 'Campaign' }],
    ['POST', '/campaigns/{campaignId}/close', ['admin'], 'Close a campaign', { response: 'Campaign' }],
    ['GET', '/campaigns/{campaignId}/report', ['reviewer', 'auditor', 'admin'], 'Campaign report', { query: ['orgId', 'groupBy'], response: 'CampaignReport' }],
    ['POST', '/applications', ['caseworker'], 'Submit a grant application (dryRun=true: the application it would create and its amount, nothing stored)', { body: 'SubmitApplication', query: ['dryRun'], status: 201, response: 'Application' }],
    ['GET', '/applications', READERS, 'List applications', { query: ['campaignId', 'status', 'unitId', 'submittedByNot', ...LIST], response: 'ApplicationPage' }],
    ['GET', '/applications/{applicationId}', READERS, 'An application (purpose: the full identity numbers too, recorded)', { query: ['purpose'], response: 'Application' }],
    ['POST', '/applications/{applicationId}/approve', ['reviewer'], 'Approve an application', { body: 'Approve' }],
    ['POST', '/applications/{applicationId}/reject', ['reviewer'], 'Reject an application', { body: 'Reason' }],
    ['POST', '/applications/{applicationId}/disburse', ['caseworker', 'reviewer'], 'Record the payment', { body: 'Payment', response: 'Application' }],
    ['POST', '/applications/{applicationId}/withdraw', ['caseworker'], 'Withdraw an application', { body: 'Reason', response: 'Application' }],
    ['GET', '/eligibility/{idNumber}', READERS, 'Hardship eligibility as grants sees it (beyond API.md)', { response: 'Eligibility' }],
  ]),
  ...programme('medical-aid', 'medical-aid', [
    ['POST', '/periods', ['admin'], 'Create a coverage period', { body: 'CreatePeriod', status: 201, response: 'Period' }],
    ['GET', '/periods', ALL, 'List coverage periods, newest first (beyond API.md)', { query: [...LIST], response: 'PeriodPage' }],
    ['GET', '/periods/{periodId}', ALL, 'A coverage period', { response: 'Period' }],
    ['GET', '/periods/{periodId}/fund-report', ['reviewer', 'auditor', 'admin'], 'Fund report, with paid claims by month', { query: ['orgId', 'groupBy'], response: 'FundReport' }],
    ['POST', '/periods/{periodId}/enrollments', ['caseworker'], "Enrol a unit's members (each row's outcome by index)", { body: 'Enroll', response: 'EnrollmentResult' }],
    ['GET', '/periods/{periodId}/members/{idNumber}', READERS, 'A membership with claims and totals (purpose: the full identity number too, recorded)', { query: ['purpose'] }],
    ['POST', '/claims', ['caseworker'], 'Submit a claim (dryRun=true: the claim it would record and its quote, nothing stored)', { body: 'SubmitClaim', query: ['dryRun'], status: 201, response: 'Claim' }],
    ['GET', '/claims', READERS, 'List claims', { query: ['periodId', 'status', 'unitId', 'submittedByNot', ...LIST], response: 'ClaimPage' }],
    ['GET', '/claims/{claimId}', READERS, 'A claim (purpose: the diagnosis and the full identity number too, recorded)', { query: ['purpose'], response: 'Claim' }],
    ['POST', '/claims/{claimId}/approve', ['reviewer'], 'Approve a claim (dryRun=true: the claim re-quoted as approval would leave it, nothing stored)', { body: 'ApproveClaim', query: ['dryRun'], response: 'ClaimDecision' }],
    ['POST', '/claims/{claimId}/reject', ['reviewer'], 'Reject a claim', { body: 'Reason', response: 'Claim' }],
    ['POST', '/claims/{claimId}/pay', ['caseworker', 'reviewer'], 'Record the payment', { body: 'Payment', response: 'Claim' }],
    ['GET', '/eligibility/{idNumber}', READERS, 'Hardship eligibility as medical aid sees it (beyond API.md)', { response: 'Eligibility' }],
  ]),
  ...programme('organisation', 'org', [
    ['POST', '/units', ['admin'], 'Add a unit to the tree', { body: 'CreateOrgUnit', status: 201, response: 'OrgUnit' }],
    ['GET', '/units', ALL, 'List units of the tree', { query: ['parentId', 'level', 'q', ...LIST], response: 'OrgUnitPage' }],
    ['GET', '/units/{orgId}', ALL, 'A unit, its path from the root and its children to a depth', { query: ['depth'], response: 'OrgUnitTree' }],
    ['POST', '/units/{orgId}/rename', ['admin'], 'Rename a unit', { body: 'RenameOrgUnit', response: 'OrgUnit' }],
    ['POST', '/units/{orgId}/move', ['admin'], 'Move a unit with its subtree under another parent', { body: 'MoveOrgUnit', response: 'OrgUnit' }],
    ['POST', '/units/{orgId}/close', ['admin'], 'Close a unit with no active units under it', { body: 'CloseOrgUnit', response: 'OrgUnit' }],
  ]),
  ...AUDITED_SERVICES.flatMap(audit),
];

const PARAM = /\{[A-Za-z]+\}/g;
const compiled = ROUTE_TABLE.map((route) => ({
  route,
  regex: new RegExp(`^${route.path.replace(PARAM, '[^/]+')}/?$`),
}));

/** The path to ask the route's service for, given the gateway's (raw) path the route matched. */
export function servicePathOf(route: GatewayRoute, path: string): string {
  const prefix = route.servicePrefix;
  if (!prefix || !path.startsWith(prefix.from)) return path;
  return `${prefix.to}${path.slice(prefix.from.length)}`;
}

/**
 * The route `method path` matches, or undefined (the gateway then answers 404). `path` is the raw
 * path, already through the path rule (`../edge/request-target.ts`): matched case-sensitively,
 * a trailing slash allowed, a parameter any one segment.
 */
export function matchRoute(method: string, path: string): GatewayRoute | undefined {
  return compiled.find((c) => c.route.method === method && c.regex.test(path))?.route;
}
