import { HARDSHIP_TIERS } from '@union/contracts';
import { COMMON_ERRORS, ref, type Schema } from './openapi-parts';

// The reviewer's approvals inbox (`GET /api/v1/approvals`, composed at the gateway), the pending
// lists it is composed from, and the region policies list (docs/api-changes.md, issue 16), typed
// so the console's generated client reads every figure a decision needs.

export const APPROVALS_PATH = '/api/v1/approvals';

const str = { type: 'string' };
const int = { type: 'integer' };
const bool = { type: 'boolean' };
const fen = { type: 'integer', description: 'fen' };
const bp = { type: 'integer', description: 'basis points (10000 = 100%)' };
const date = { type: 'string', format: 'date' };
const instant = { type: 'string', format: 'date-time' };
const nullable = (schema: Schema): Schema => ({ ...schema, nullable: true });
const tier = { type: 'string', enum: [...HARDSHIP_TIERS] };
const object = (
  properties: Record<string, Schema>,
  required: string[] = Object.keys(properties),
): Schema => ({
  type: 'object',
  properties,
  ...(required.length > 0 ? { required } : {}),
});
const page = (item: string): Schema =>
  object({ items: { type: 'array', items: ref(item) }, page: int, pageSize: int, total: int });
const fundSummary = nullable(object({ fundId: str, name: str, remainingFen: fen }));

const policyVersion = {
  version: { ...int, description: 'The region stream version (for If-Match on PUT)' },
  policyVersion: str,
  minimumLivingStandardFen: fen,
  relativeMultiplierBp: bp,
  relativeLineFen: { ...fen, description: 'floor(L * relativeMultiplierBp / 10000)' },
  publishedBy: str,
  publishedAt: instant,
};

const batchProperties: Record<string, Schema> = {
  batchId: str,
  name: str,
  orgId: str,
  fundId: str,
  tiers: { type: 'array', items: tier },
  amountsByTierFen: object({ deep: fen, relative: fen, emergency: fen }, []),
  paidOn: date,
  status: { type: 'string', enum: ['draft', 'approved', 'running', 'done', 'refused'] },
  totals: object({ includedCount: int, totalFen: fen, excludedCount: int }),
  progress: object({ recorded: int, total: int, recordedFen: fen, unrecorded: int, releasedFen: fen }),
  preparedBy: str,
  preparedAt: instant,
  decidedBy: nullable(str),
  decidedAt: nullable(instant),
  refusal: nullable(
    object({ code: { type: 'string', enum: ['REJECTED', 'FUND_INSUFFICIENT'] }, reason: str }),
  ),
  finishedAt: nullable(instant),
};

const claimProperties: Record<string, Schema> = {
  claimId: str,
  version: int,
  periodId: str,
  status: { type: 'string', enum: ['submitted', 'approved', 'rejected', 'paid'] },
  member: object({ idNumberMasked: str, name: str }),
  unitId: str,
  hospital: str,
  admittedOn: date,
  dischargedOn: date,
  diagnosisCode: nullable(str),
  bill: object({
    totalFen: fen,
    basicInsurancePaidFen: fen,
    seriousIllnessInsurancePaidFen: fen,
    medicalAssistancePaidFen: fen,
    employerPaidFen: fen,
    otherPaidFen: fen,
  }),
  quote: object({
    outOfPocketFen: fen,
    deductibleFen: fen,
    eligibleFen: fen,
    bands: {
      type: 'array',
      items: object({ uptoFen: nullable(fen), ratioBp: bp, baseFen: fen, amountFen: fen }),
    },
    capAppliedFen: fen,
    payoutFen: fen,
    policyVersion: str,
  }),
  submittedBy: str,
  submittedAt: instant,
  decidedBy: str,
  decidedAt: instant,
  decisionReason: str,
};

const applicationProperties: Record<string, Schema> = {
  applicationId: str,
  version: int,
  campaignId: str,
  status: {
    type: 'string',
    enum: ['submitted', 'approved', 'rejected', 'disbursed', 'withdrawn', 'on_hold'],
  },
  parent: object({ idNumberMasked: str }),
  student: object({ idNumberMasked: str, name: str, level: str, school: str }),
  unitId: str,
  amountFen: fen,
  recurring: bool,
  auto: bool,
  submittedBy: str,
  submittedAt: instant,
  campaign: {
    ...nullable(
      object({
        campaignId: str,
        name: str,
        year: int,
        status: { type: 'string', enum: ['open', 'closed'] },
        budgetFen: fen,
        reservedFen: fen,
        disbursedFen: fen,
        remainingFen: fen,
      }),
    ),
    description: "The application's campaign and its budget now (null when it could not be read)",
  },
};

const assistanceProperties: Record<string, Schema> = {
  assistanceId: str,
  caseId: str,
  kind: { type: 'string', enum: ['cash', 'goods', 'service'] },
  category: { type: 'string', enum: ['living', 'medical', 'education', 'holiday', 'emergency'] },
  amountFen: fen,
  fundId: nullable(str),
  fundSource: str,
  description: str,
  status: { type: 'string', enum: ['disbursed', 'pending_approval', 'rejected'] },
  recordedOn: date,
  recordedAt: nullable(instant),
  recordedBy: str,
  decidedBy: nullable(str),
  decidedOn: nullable(date),
  decisionReason: nullable(str),
  case: object({
    caseId: str,
    version: int,
    status: { type: 'string', enum: ['open', 'closed'] },
    tier,
    person: object({ idNumberMasked: str, name: str }),
    unitId: str,
    regionCode: str,
  }),
  cap: {
    ...object({
      year: int,
      usedFen: fen,
      capFen: fen,
      remainingFen: fen,
      approvalThresholdFen: fen,
      policyVersion: str,
    }),
    description:
      "The case's assistance in the assistance's year (disbursed or awaiting approval, this one included, as the yearly cap counts it) against the cap",
  },
  fund: fundSummary,
};

/** An inbox item of one kind: its `record` is that programme's pending record. */
const inboxItem = (kind: string, record: string): Schema =>
  object({
    kind: { type: 'string', enum: [kind] },
    id: str,
    submittedBy: str,
    submittedAt: {
      ...str,
      description: 'An instant; a date for assistance recorded before instants were kept',
    },
    unitId: str,
    amountFen: fen,
    record: ref(record),
  });

const section: Schema = {
  type: 'object',
  description:
    'How many records of the programme wait for the caller (`total`) and how many are listed (`shown`), or `{ available: false, detail }` when its service failed',
  properties: { available: bool, total: int, shown: int, detail: str },
  required: ['available'],
};

export const APPROVALS_SCHEMAS: Readonly<Record<string, Schema>> = {
  AssistanceListItem: object(assistanceProperties, [
    'assistanceId',
    'caseId',
    'kind',
    'category',
    'amountFen',
    'fundId',
    'description',
    'status',
    'recordedOn',
    'recordedAt',
    'recordedBy',
    'decidedBy',
    'decidedOn',
    'decisionReason',
    'case',
    'cap',
    'fund',
  ]),
  AssistancePage: page('AssistanceListItem'),
  HolidayBatchRecord: object(batchProperties),
  HolidayBatchListItem: { allOf: [ref('HolidayBatchRecord'), object({ fund: fundSummary })] },
  HolidayBatchPage: page('HolidayBatchListItem'),
  InboxApplication: object(applicationProperties),
  InboxClaim: object(
    claimProperties,
    Object.keys(claimProperties).filter((k) => !k.startsWith('decided') && k !== 'decisionReason'),
  ),
  ClaimDecision: {
    description:
      'The claim after an approval; with `?dryRun=true`, the claim as the approval would leave it (re-quoted against the cap left now), `dryRun: true`, nothing stored',
    allOf: [
      ref('InboxClaim'),
      object({ dryRun: { type: 'boolean', enum: [true] }, eligibleLoweredFromFen: fen }, []),
    ],
  },
  ApprovalItem: {
    oneOf: [
      ref('AssistanceApproval'),
      ref('ApplicationApproval'),
      ref('ClaimApproval'),
      ref('HolidayBatchApproval'),
    ],
    discriminator: {
      propertyName: 'kind',
      mapping: {
        assistance: '#/components/schemas/AssistanceApproval',
        application: '#/components/schemas/ApplicationApproval',
        claim: '#/components/schemas/ClaimApproval',
        holidayBatch: '#/components/schemas/HolidayBatchApproval',
      },
    },
  },
  AssistanceApproval: inboxItem('assistance', 'AssistanceListItem'),
  ApplicationApproval: inboxItem('application', 'InboxApplication'),
  ClaimApproval: inboxItem('claim', 'InboxClaim'),
  HolidayBatchApproval: inboxItem('holidayBatch', 'HolidayBatchListItem'),
  ApprovalInbox: object({
    items: { type: 'array', items: ref('ApprovalItem'), description: 'Newest first' },
    sections: object({ assistance: section, application: section, claim: section, holidayBatch: section }),
  }),
  RegionPolicyVersion: object(policyVersion),
  PublishedRegionPolicy: object({
    regionCode: str,
    minimumLivingStandardFen: fen,
    relativeMultiplierBp: bp,
    policyVersion: { ...str, example: '410105-2' },
  }),
  RegionPolicyEntry: {
    allOf: [
      object({ regionCode: str }),
      ref('RegionPolicyVersion'),
      object({ history: { type: 'array', items: ref('RegionPolicyVersion'), description: 'Newest first' } }),
    ],
  },
  RegionPolicyList: object({
    default: object({
      regionCode: { ...str, enum: ['*'] },
      minimumLivingStandardFen: fen,
      relativeMultiplierBp: bp,
      relativeLineFen: fen,
      policyVersion: str,
    }),
    items: { type: 'array', items: ref('RegionPolicyEntry') },
    page: int,
    pageSize: int,
    total: int,
  }),
};

export function approvalsOperation(): Record<string, Schema> {
  return {
    get: {
      summary: "The reviewer's approvals inbox across the programmes, never what the caller submitted",
      description:
        "Roles: reviewer. What waits for a decision in the caller's units: assistance above the threshold (waiting for a second reviewer), grant applications, medical-aid claims and holiday batches in draft, each with what the decision needs (the case's cap, the campaign's budget, the bill and quote, the batch's totals and fund), newest first. Four eyes: what the caller submitted is never offered (and each programme's approve and reject refuse it with 403 SAME_ACTOR). `pageSize` (1-500, default 100) is per programme; `sections` gives each programme's total, or `available: false` when its service failed.",
      tags: ['approvals'],
      operationId: 'getApprovals',
      'x-roles': ['reviewer'],
      parameters: [{ name: 'pageSize', in: 'query', required: false, schema: { type: 'string' } }],
      responses: {
        '200': { description: 'OK', content: { 'application/json': { schema: ref('ApprovalInbox') } } },
        ...COMMON_ERRORS,
      },
    },
  };
}
