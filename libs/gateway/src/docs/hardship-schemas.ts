import { HARDSHIP_TIERS } from '@union/contracts';
import { consentSchema, ref, type Schema } from './openapi-parts';

// The answers of the hardship routes (API.md, "Hardship cases"), so clients generated from this
// document (the console's `npm run console:api`) get their fields typed, not an opaque object.

const str = { type: 'string' };
const int = { type: 'integer' };
const fen = { type: 'integer', description: 'fen' };
const date = { type: 'string', format: 'date' };
const instant = { type: 'string', format: 'date-time' };
const nullable = (schema: Schema): Schema => ({ ...schema, nullable: true });
const tier = { type: 'string', enum: [...HARDSHIP_TIERS] };
const object = (properties: Record<string, Schema>, required: string[] = []): Schema => ({
  type: 'object',
  properties,
  ...(required.length > 0 ? { required } : {}),
});
const page = (item: string): Schema =>
  object({ items: { type: 'array', items: ref(item) }, page: int, pageSize: int, total: int }, [
    'items',
    'page',
    'pageSize',
    'total',
  ]);

const caseProperties: Record<string, Schema> = {
  caseId: { type: 'string', format: 'uuid' },
  version: int,
  status: { type: 'string', enum: ['open', 'closed'] },
  tier,
  computedTier: { ...tier, nullable: true, description: 'The rules\u2019 tier; null when above every line' },
  overrideReason: nullable(str),
  person: object(
    {
      idNumberMasked: str,
      name: str,
      idNumber: {
        type: 'string',
        nullable: true,
        description: 'The full identity number: only on a read with `purpose` (null: not kept, or erased)',
      },
    },
    ['idNumberMasked', 'name'],
  ),
  unitId: str,
  regionCode: str,
  household: object({ size: int, monthlyIncomeFen: fen }, ['size', 'monthlyIncomeFen']),
  perCapitaIncomeFen: fen,
  causes: { type: 'array', items: str },
  channel: str,
  openedAt: instant,
  nextReviewDue: nullable(date),
  lastVisitOn: nullable(date),
  visitOverdue: { type: 'boolean' },
  pairing: nullable(object({ helperName: str, helperUnit: str }, ['helperName', 'helperUnit'])),
  assistanceThisYearFen: fen,
  closedReason: str,
  policyVersion: str,
  consent: consentSchema('The worker'),
};
const CASE_REQUIRED = [
  'caseId',
  'version',
  'status',
  'tier',
  'computedTier',
  'person',
  'unitId',
  'regionCode',
  'household',
  'perCapitaIncomeFen',
  'causes',
  'channel',
  'openedAt',
  'nextReviewDue',
  'lastVisitOn',
  'visitOverdue',
  'pairing',
  'assistanceThisYearFen',
  'policyVersion',
  'consent',
];

const referralProperties: Record<string, Schema> = {
  referralId: { type: 'string', format: 'uuid' },
  version: int,
  status: { type: 'string', enum: ['pending', 'accepted', 'dismissed', 'attached'] },
  personRef: str,
  unitId: str,
  memberName: str,
  remainingBurdenFen: fen,
  periodId: str,
  claimIds: { type: 'array', items: str },
  receivedAt: instant,
  caseId: str,
  settledAt: instant,
  settledBy: str,
  dismissedReason: str,
};

/** The lines a tier was judged by (the dry runs of an opening and of a reassessment). */
const assessment = object(
  {
    tier: { ...tier, nullable: true },
    perCapitaIncomeFen: fen,
    minimumLivingStandardFen: fen,
    relativeLineFen: fen,
    exceeded: { type: 'string', enum: ['minimum_living_standard', 'relative_line'] },
  },
  ['tier', 'perCapitaIncomeFen', 'minimumLivingStandardFen', 'relativeLineFen'],
);

const assistanceProperties: Record<string, Schema> = {
  assistanceId: str,
  caseId: str,
  kind: { type: 'string', enum: ['cash', 'goods', 'service'] },
  category: str,
  amountFen: fen,
  fundId: nullable(str),
  fundSource: str,
  description: str,
  status: { type: 'string', enum: ['disbursed', 'pending_approval', 'rejected'] },
  recordedOn: date,
  recordedBy: str,
  decidedBy: nullable(str),
  decidedOn: nullable(date),
  decisionReason: nullable(str),
};
const ASSISTANCE_REQUIRED = [
  'assistanceId',
  'kind',
  'category',
  'amountFen',
  'fundId',
  'status',
  'recordedOn',
];

const fundProperties: Record<string, Schema> = {
  fundId: { type: 'string', format: 'uuid' },
  name: str,
  year: int,
  category: str,
  holderOrgId: str,
  parentFundId: nullable(str),
  allocationId: nullable(str),
  amountFen: fen,
  allocatedFen: fen,
  spentFen: fen,
  remainingFen: fen,
  createdBy: str,
  createdAt: instant,
  version: int,
};

export const HARDSHIP_SCHEMAS: Readonly<Record<string, Schema>> = {
  Case: object(caseProperties, CASE_REQUIRED),
  CasePage: page('Case'),
  CasePreview: {
    description:
      'The answer of `POST /cases?dryRun=true`: the case the request would open (nothing is stored) ' +
      'and the figures its tier was judged by.',
    allOf: [
      ref('Case'),
      object(
        {
          dryRun: { type: 'boolean', enum: [true] },
          assessment,
        },
        ['dryRun', 'assessment'],
      ),
    ],
  },
  CaseDetail: {
    allOf: [
      ref('Case'),
      object(
        {
          cap: ref('AssistanceCap'),
          assessment: {
            ...nullable(assessment),
            description: 'The figures the tier was last judged by, under the policy `policyVersion` names',
          },
          assistance: { type: 'array', items: ref('Assistance') },
          visits: {
            type: 'array',
            items: object({ visitId: str, visitedOn: date, visitor: str, findings: str, recordedBy: str }, [
              'visitId',
              'visitedOn',
              'visitor',
              'findings',
            ]),
          },
          externalAssistance: {
            type: 'array',
            items: object({ sourceEventId: str, source: str, type: str, amountFen: fen, occurredOn: date }, [
              'source',
              'type',
              'amountFen',
              'occurredOn',
            ]),
          },
          referrals: { type: 'array', items: ref('Referral') },
          history: object(
            {
              eventCount: int,
              openedAt: instant,
              lastChangedAt: instant,
              entries: {
                type: 'array',
                items: object(
                  {
                    version: int,
                    type: str,
                    recordedAt: instant,
                    actor: str,
                    policyVersion: str,
                    facts: {
                      ...object({
                        tier,
                        fromTier: tier,
                        toTier: tier,
                        perCapitaIncomeFen: fen,
                        kind: str,
                        category: str,
                        amountFen: fen,
                        status: str,
                        visitedOn: date,
                        visitor: str,
                        helperName: str,
                        helperUnit: str,
                        reason: str,
                        occurredOn: date,
                        programme: str,
                      }),
                      description:
                        'The figures of the event a timeline shows (tiers, amounts, dates, staff, reasons); never the person\u2019s own fields',
                    },
                  },
                  ['version', 'type', 'recordedAt', 'facts'],
                ),
              },
            },
            ['eventCount', 'entries'],
          ),
        },
        ['cap', 'assessment', 'assistance', 'visits', 'externalAssistance', 'referrals', 'history'],
      ),
    ],
  },
  ReassessmentPreview: {
    description:
      'The answer of `POST /cases/{caseId}/reassessments?dryRun=true`: the case as the reassessment would ' +
      'leave it (closed as out_of_hardship above every line; nothing is stored) and the lines its tier was judged by.',
    allOf: [
      ref('Case'),
      object({ dryRun: { type: 'boolean', enum: [true] }, assessment }, ['dryRun', 'assessment']),
    ],
  },
  AssistanceCap: {
    ...object(
      {
        year: int,
        usedFen: fen,
        capFen: fen,
        remainingFen: fen,
        approvalThresholdFen: fen,
        policyVersion: str,
      },
      ['year', 'usedFen', 'capFen', 'remainingFen', 'approvalThresholdFen', 'policyVersion'],
    ),
    description:
      "The case's assistance in a calendar year (disbursed or awaiting approval, as the yearly cap counts it) against the cap, with the approval threshold",
  },
  Assistance: object(assistanceProperties, ASSISTANCE_REQUIRED),
  AssistanceRecord: object({ ...assistanceProperties, caseVersion: int }, [
    ...ASSISTANCE_REQUIRED,
    'caseVersion',
  ]),
  Fund: object(fundProperties, [
    'fundId',
    'name',
    'year',
    'category',
    'holderOrgId',
    'amountFen',
    'remainingFen',
  ]),
  FundPage: page('Fund'),
  Referral: object(referralProperties, ['referralId', 'status', 'unitId', 'memberName', 'receivedAt']),
  ReferralPage: page('Referral'),
};
