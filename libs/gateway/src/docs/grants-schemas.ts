import { EDUCATION_LEVELS, HARDSHIP_TIERS } from '@union/contracts';
import { consentSchema, FULL_ID_NUMBER, ref, type Schema } from './openapi-parts';

// The answers of the grants routes (API.md, "Education grants"), so clients generated from this
// document (the console's `npm run console:api`) get their fields typed, not an opaque object.

const str = { type: 'string' };
const int = { type: 'integer' };
const bool = { type: 'boolean' };
const fen = { type: 'integer', description: 'fen' };
const date = { type: 'string', format: 'date' };
const instant = { type: 'string', format: 'date-time' };
const level = { type: 'string', enum: [...EDUCATION_LEVELS] };
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

const campaign = object(
  {
    campaignId: { type: 'string', format: 'uuid' },
    version: int,
    year: int,
    name: str,
    status: { type: 'string', enum: ['open', 'closed'] },
    opensOn: date,
    closesOn: date,
    schoolStartOn: date,
    amountsByLevelFen: {
      type: 'object',
      description: 'fen per funded level; a level left out is not funded',
      properties: Object.fromEntries(EDUCATION_LEVELS.map((l) => [l, fen])),
    },
    eligibleTiers: { type: 'array', items: { type: 'string', enum: [...HARDSHIP_TIERS] } },
    budgetFen: fen,
    reservedFen: { ...fen, description: 'fen reserved by approved applications not yet paid' },
    disbursedFen: fen,
    remainingFen: { ...fen, description: 'budgetFen - reservedFen - disbursedFen' },
    openedBy: str,
    openedAt: instant,
    closedAt: instant,
  },
  [
    'campaignId',
    'version',
    'year',
    'name',
    'status',
    'opensOn',
    'closesOn',
    'schoolStartOn',
    'amountsByLevelFen',
    'eligibleTiers',
    'budgetFen',
    'reservedFen',
    'disbursedFen',
    'remainingFen',
    'openedBy',
    'openedAt',
  ],
);

const application = object(
  {
    applicationId: { type: 'string', format: 'uuid' },
    version: int,
    campaignId: { type: 'string', format: 'uuid' },
    status: {
      type: 'string',
      enum: ['submitted', 'approved', 'rejected', 'disbursed', 'withdrawn', 'on_hold'],
    },
    parent: object({ idNumberMasked: str, idNumber: FULL_ID_NUMBER }, ['idNumberMasked']),
    student: object({ idNumberMasked: str, idNumber: FULL_ID_NUMBER, name: str, level, school: str }, [
      'idNumberMasked',
      'name',
      'level',
      'school',
    ]),
    unitId: str,
    amountFen: fen,
    recurring: bool,
    auto: { ...bool, description: 'Created for a recurring student when the campaign opened' },
    late: { ...bool, description: 'Set when disbursed: paid after the campaign\u2019s schoolStartOn' },
    submittedBy: str,
    submittedAt: instant,
    decidedBy: str,
    decidedAt: instant,
    rejectionReason: str,
    withdrawalReason: str,
    paymentRef: str,
    paidOn: date,
    holdReason: {
      type: 'string',
      enum: ['parent_case_closed', 'parent_tier_not_eligible'],
      description:
        'Why the application is on hold: the parent\u2019s hardship case closed, or it is of a tier the campaign does not accept',
    },
    heldFrom: {
      type: 'string',
      enum: ['submitted', 'approved'],
      description: 'The status a release from hold returns to',
    },
    consent: consentSchema('The parent'),
  },
  [
    'applicationId',
    'version',
    'campaignId',
    'status',
    'parent',
    'student',
    'unitId',
    'amountFen',
    'recurring',
    'auto',
    'submittedBy',
    'submittedAt',
    'consent',
  ],
);

export const GRANTS_SCHEMAS: Readonly<Record<string, Schema>> = {
  Campaign: campaign,
  CampaignPage: page('Campaign'),
  Application: application,
  ApplicationPage: page('Application'),
  ApplicationPreview: {
    description:
      'The answer of `POST /applications?dryRun=true`: the application the request would create, ' +
      'with the amount the campaign gives its level (nothing is stored; its applicationId is never used).',
    allOf: [ref('Application'), object({ dryRun: { type: 'boolean', enum: [true] } }, ['dryRun'])],
  },
};
