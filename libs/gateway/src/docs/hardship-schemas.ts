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
  person: object({ idNumberMasked: str, name: str }, ['idNumberMasked', 'name']),
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
          assessment: object(
            {
              tier: { ...tier, nullable: true },
              perCapitaIncomeFen: fen,
              minimumLivingStandardFen: fen,
              relativeLineFen: fen,
              exceeded: { type: 'string', enum: ['minimum_living_standard', 'relative_line'] },
            },
            ['tier', 'perCapitaIncomeFen', 'minimumLivingStandardFen', 'relativeLineFen'],
          ),
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
          assistance: {
            type: 'array',
            items: object(
              {
                assistanceId: str,
                caseId: str,
                kind: str,
                category: str,
                amountFen: fen,
                fundSource: str,
                description: str,
                status: { type: 'string', enum: ['disbursed', 'pending_approval', 'rejected'] },
                recordedOn: date,
                recordedBy: str,
                decidedBy: nullable(str),
                decidedOn: nullable(date),
                decisionReason: nullable(str),
              },
              ['assistanceId', 'kind', 'category', 'amountFen', 'status', 'recordedOn'],
            ),
          },
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
                  { version: int, type: str, recordedAt: instant, actor: str, policyVersion: str },
                  ['version', 'type', 'recordedAt'],
                ),
              },
            },
            ['eventCount', 'entries'],
          ),
        },
        ['assistance', 'visits', 'externalAssistance', 'referrals', 'history'],
      ),
    ],
  },
  Referral: object(referralProperties, ['referralId', 'status', 'unitId', 'memberName', 'receivedAt']),
  ReferralPage: page('Referral'),
};
