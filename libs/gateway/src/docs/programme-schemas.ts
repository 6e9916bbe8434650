import { EDUCATION_LEVELS, HARDSHIP_TIERS, ORG_LEVELS } from '@union/contracts';
import { consentSchema, ref, type Schema } from './openapi-parts';

// The answers of the grants and medical-aid routes, the statistics and the person view's parts
// (API.md), so clients generated from this document (the console's `npm run console:api`) get
// their fields typed, not an opaque object. Enums are written out: the gateway does not import a
// programme's domain.

const str = { type: 'string' };
const int = { type: 'integer' };
const bool = { type: 'boolean' };
const fen = { type: 'integer', description: 'fen' };
const date = { type: 'string', format: 'date' };
const instant = { type: 'string', format: 'date-time' };
const nullable = (schema: Schema): Schema => ({ ...schema, nullable: true });
const array = (items: Schema): Schema => ({ type: 'array', items });
const object = (properties: Record<string, Schema>, required: string[] = []): Schema => ({
  type: 'object',
  properties,
  ...(required.length > 0 ? { required } : {}),
});
/** An object whose every property in `keys` is `schema` (an enum-keyed record, zeros included). */
const record = (keys: readonly string[], schema: Schema): Schema =>
  object(Object.fromEntries(keys.map((k) => [k, schema])), [...keys]);
const page = (item: string): Schema =>
  object({ items: array(ref(item)), page: int, pageSize: int, total: int }, [
    'items',
    'page',
    'pageSize',
    'total',
  ]);
const byChild = (figures: string): Schema =>
  array({ allOf: [object({ orgId: str, name: str }, ['orgId', 'name']), ref(figures)] });

const APPLICATION_STATUSES = ['submitted', 'approved', 'rejected', 'disbursed', 'withdrawn', 'on_hold'];
const CLAIM_STATUSES = ['submitted', 'approved', 'rejected', 'paid'];
const ASSISTANCE_CATEGORIES = ['living', 'medical', 'education', 'holiday', 'emergency'];
const masked = object({ idNumberMasked: str }, ['idNumberMasked']);
const countAndAmount = object({ count: int, amountFen: fen }, ['count', 'amountFen']);

const application = object(
  {
    applicationId: { type: 'string', format: 'uuid' },
    version: int,
    campaignId: { type: 'string', format: 'uuid' },
    status: { type: 'string', enum: APPLICATION_STATUSES },
    parent: masked,
    student: object(
      { idNumberMasked: str, name: str, level: { type: 'string', enum: [...EDUCATION_LEVELS] }, school: str },
      ['idNumberMasked', 'name', 'level', 'school'],
    ),
    unitId: str,
    amountFen: fen,
    recurring: bool,
    auto: bool,
    late: bool,
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
      description: 'Why it is on hold (status `on_hold`)',
    },
    heldFrom: { type: 'string', description: 'The status it was held from' },
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
    'submittedAt',
    'consent',
  ],
);

const bill = object(
  {
    totalFen: fen,
    basicInsurancePaidFen: fen,
    seriousIllnessInsurancePaidFen: fen,
    medicalAssistancePaidFen: fen,
    employerPaidFen: fen,
    otherPaidFen: fen,
  },
  ['totalFen'],
);
const quote = object(
  {
    outOfPocketFen: fen,
    deductibleFen: fen,
    eligibleFen: fen,
    bands: array(object({ uptoFen: nullable(fen), ratioBp: int, baseFen: fen, amountFen: fen })),
    capAppliedFen: fen,
    payoutFen: fen,
    policyVersion: str,
  },
  ['outOfPocketFen', 'eligibleFen', 'payoutFen', 'policyVersion'],
);
const claim = object(
  {
    claimId: { type: 'string', format: 'uuid' },
    version: int,
    periodId: { type: 'string', format: 'uuid' },
    status: { type: 'string', enum: CLAIM_STATUSES },
    member: object({ idNumberMasked: str, name: str }, ['idNumberMasked', 'name']),
    unitId: str,
    hospital: str,
    admittedOn: date,
    dischargedOn: date,
    diagnosisCode: str,
    bill,
    quote,
    submittedBy: str,
    submittedAt: instant,
    decidedBy: str,
    decidedAt: instant,
    decisionReason: str,
    eligibleLoweredFromFen: fen,
    paymentRef: str,
    paidOn: date,
  },
  [
    'claimId',
    'version',
    'periodId',
    'status',
    'member',
    'unitId',
    'hospital',
    'admittedOn',
    'dischargedOn',
    'quote',
  ],
);

const membership = object(
  {
    periodId: { type: 'string', format: 'uuid' },
    version: int,
    member: object({ idNumberMasked: str, name: str }, ['idNumberMasked', 'name']),
    unitId: str,
    enrolledOn: date,
    contributionFen: fen,
    waived: bool,
    paymentRef: str,
    claims: array(
      object(
        {
          claimId: str,
          status: { type: 'string', enum: CLAIM_STATUSES },
          hospital: str,
          admittedOn: date,
          dischargedOn: date,
          outOfPocketFen: fen,
          payoutFen: fen,
          paidOn: date,
        },
        ['claimId', 'status', 'hospital', 'admittedOn', 'payoutFen'],
      ),
    ),
    capUsedFen: fen,
    capLeftFen: fen,
    totals: object(
      {
        outOfPocketFen: fen,
        payoutsFen: fen,
        burdenFen: fen,
        seriousIllnessAidFen: fen,
        remainingBurdenFen: fen,
        hardshipRiskReported: bool,
      },
      [
        'outOfPocketFen',
        'payoutsFen',
        'burdenFen',
        'seriousIllnessAidFen',
        'remainingBurdenFen',
        'hardshipRiskReported',
      ],
    ),
  },
  ['periodId', 'member', 'unitId', 'enrolledOn', 'contributionFen', 'waived', 'claims', 'totals'],
);

const fundFigures = object(
  {
    membersPaid: int,
    membersWaived: int,
    contributionsFen: fen,
    claimsPaid: int,
    payoutsFen: fen,
    seriousIllnessAidFen: fen,
    usageRateBp: {
      type: 'integer',
      nullable: true,
      description: 'floor((payouts + aid) * 10000 / contributions); null while nothing was collected',
    },
    deficit: { type: 'boolean', description: 'Usage above 10000 bp' },
    payoutsByMonth: array(
      object({ month: { type: 'string', example: '2026-09' }, claimsPaid: int, payoutsFen: fen }, [
        'month',
        'claimsPaid',
        'payoutsFen',
      ]),
    ),
  },
  [
    'membersPaid',
    'membersWaived',
    'contributionsFen',
    'claimsPaid',
    'payoutsFen',
    'seriousIllnessAidFen',
    'usageRateBp',
    'deficit',
    'payoutsByMonth',
  ],
);

const applicationFigures = object(
  {
    byStatus: record(APPLICATION_STATUSES, countAndAmount),
    byLevel: record(EDUCATION_LEVELS, countAndAmount),
    approvedFen: fen,
    lateDisbursements: countAndAmount,
  },
  ['byStatus', 'byLevel', 'approvedFen', 'lateDisbursements'],
);

const hardshipFigures = object(
  {
    peopleAssisted: { type: 'integer', description: '人次: disbursed assistance in the year' },
    distinctPeople: int,
    totalFen: fen,
    byCategory: record(ASSISTANCE_CATEGORIES, countAndAmount),
    byFundSource: { type: 'object', additionalProperties: countAndAmount, description: 'By fund id' },
    pendingApproval: countAndAmount,
    openCases: object({ total: int, byTier: record(HARDSHIP_TIERS, int) }, ['total', 'byTier']),
  },
  [
    'peopleAssisted',
    'distinctPeople',
    'totalFen',
    'byCategory',
    'byFundSource',
    'pendingApproval',
    'openCases',
  ],
);

const orgLevel = { type: 'string', enum: [...ORG_LEVELS] };
const orgUnit = object(
  {
    orgId: str,
    version: int,
    name: str,
    level: orgLevel,
    parentId: { type: 'string', description: "`''` for the root" },
    path: { ...array(str), description: 'The ids from the root down to this node, itself last' },
    regionCode: str,
    status: { type: 'string', enum: ['active', 'closed'] },
  },
  ['orgId', 'version', 'name', 'level', 'parentId', 'path', 'regionCode', 'status'],
);

export const PROGRAMME_SCHEMAS: Readonly<Record<string, Schema>> = {
  OrgUnit: {
    ...orgUnit,
    description: 'A node of the union tree (API.md, "Organisation")',
    example: {
      orgId: 'ha-zz-jsq',
      version: 1,
      name: '金水区总工会',
      level: 'county',
      parentId: 'ha-zz',
      path: ['ha', 'ha-zz', 'ha-zz-jsq'],
      regionCode: '410105',
      status: 'active',
    },
  },
  OrgUnitPage: page('OrgUnit'),
  OrgUnitSubtree: {
    allOf: [ref('OrgUnit'), object({ children: array(ref('OrgUnitSubtree')) }, ['children'])],
    description: 'A node below the one asked for, with its own children down to the depth asked',
  },
  OrgUnitTree: {
    description:
      'A node, the nodes on its path (`ancestors`: orgId, name, level, root first) and its `children` to `depth` (default 1, at most 5), each with its own `children`',
    allOf: [
      ref('OrgUnit'),
      object(
        {
          ancestors: array(object({ orgId: str, name: str, level: orgLevel }, ['orgId', 'name', 'level'])),
          children: array(ref('OrgUnitSubtree')),
        },
        ['ancestors', 'children'],
      ),
    ],
  },
  Campaign: object(
    {
      campaignId: { type: 'string', format: 'uuid' },
      version: int,
      year: int,
      name: str,
      status: { type: 'string', enum: ['open', 'closed'] },
      opensOn: date,
      closesOn: date,
      schoolStartOn: date,
      amountsByLevelFen: { type: 'object', additionalProperties: fen },
      eligibleTiers: array(str),
      budgetFen: fen,
      reservedFen: fen,
      disbursedFen: fen,
      remainingFen: fen,
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
      'budgetFen',
      'reservedFen',
      'disbursedFen',
      'remainingFen',
    ],
  ),
  CampaignPage: page('Campaign'),
  ApplicationFigures: applicationFigures,
  CampaignReport: {
    allOf: [
      ref('ApplicationFigures'),
      object(
        {
          campaignId: str,
          version: int,
          year: int,
          name: str,
          budgetFen: fen,
          disbursedFen: fen,
          reservedFen: fen,
          remainingFen: fen,
          orgId: str,
          byChild: byChild('ApplicationFigures'),
        },
        ['campaignId', 'year', 'name', 'budgetFen', 'disbursedFen', 'reservedFen', 'remainingFen'],
      ),
    ],
  },
  Application: application,
  ApplicationPage: page('Application'),
  Period: object(
    {
      periodId: { type: 'string', format: 'uuid' },
      version: int,
      name: str,
      coverageStart: date,
      coverageEnd: date,
      enrollmentOpensOn: date,
      enrollmentClosesOn: date,
      contributionFen: fen,
      waitingDays: int,
      claimDeadlineDays: int,
      rules: { type: 'object' },
      policyVersion: str,
      openedBy: str,
      openedAt: instant,
    },
    ['periodId', 'version', 'name', 'coverageStart', 'coverageEnd', 'contributionFen', 'policyVersion'],
  ),
  PeriodPage: page('Period'),
  FundFigures: fundFigures,
  FundReport: {
    allOf: [
      ref('FundFigures'),
      object({ periodId: str, orgId: str, byChild: byChild('FundFigures') }, ['periodId']),
    ],
  },
  Claim: claim,
  ClaimPage: page('Claim'),
  Membership: membership,
  HardshipFigures: hardshipFigures,
  HardshipStats: {
    allOf: [
      ref('HardshipFigures'),
      object({ year: int, unitId: nullable(str), orgId: str, byChild: byChild('HardshipFigures') }, [
        'year',
        'unitId',
      ]),
    ],
  },
  PersonHardshipRecords: object(
    {
      idNumberMasked: str,
      cases: array(ref('Case')),
      assistance: array(
        object(
          {
            assistanceId: str,
            caseId: str,
            category: { type: 'string', enum: ASSISTANCE_CATEGORIES },
            fundId: nullable(str),
            fundSource: str,
            amountFen: fen,
            status: { type: 'string', enum: ['disbursed', 'pending_approval', 'rejected'] },
            recordedOn: date,
          },
          ['assistanceId', 'caseId', 'category', 'amountFen', 'status', 'recordedOn'],
        ),
      ),
      receivedThisYearFen: fen,
    },
    ['idNumberMasked', 'cases', 'assistance', 'receivedThisYearFen'],
  ),
  PersonGrantsRecords: object(
    {
      idNumberMasked: str,
      applications: array({
        allOf: [
          ref('Application'),
          object({ as: array({ type: 'string', enum: ['parent', 'student'] }) }, ['as']),
        ],
      }),
      receivedThisYearFen: fen,
    },
    ['idNumberMasked', 'applications', 'receivedThisYearFen'],
  ),
  PersonMedicalAidRecords: object(
    {
      idNumberMasked: str,
      memberships: array(ref('Membership')),
      claims: array(ref('Claim')),
      receivedThisYearFen: fen,
    },
    ['idNumberMasked', 'memberships', 'claims', 'receivedThisYearFen'],
  ),
};
