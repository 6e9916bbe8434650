import { EDUCATION_LEVELS, HARDSHIP_TIERS } from '@union/contracts';
import { consentSchema } from './openapi-parts';

/** OpenAPI schemas of the request bodies named in the route table, with realistic examples. */
type Schema = Record<string, unknown>;

const str = (example?: string): Schema => ({ type: 'string', ...(example ? { example } : {}) });
const fen = (example: number): Schema => ({ type: 'integer', minimum: 0, description: 'fen', example });
const date = (example: string): Schema => ({ type: 'string', format: 'date', example });
const obj = (properties: Record<string, Schema>, required: string[] = []): Schema => ({
  type: 'object',
  additionalProperties: false,
  properties,
  ...(required.length > 0 ? { required } : {}),
});
const household = obj({ size: { type: 'integer', minimum: 1, example: 3 }, monthlyIncomeFen: fen(180000) }, [
  'size',
  'monthlyIncomeFen',
]);
const ID = str('630102198503120013');
/** A period's bands: `uptoFen` above the deductible (or threshold), null for the last. */
const BANDS: Schema = {
  type: 'array',
  items: obj(
    {
      uptoFen: {
        type: 'integer',
        minimum: 0,
        nullable: true,
        description: 'fen; null: no limit',
        example: 5000000,
      },
      ratioBp: { type: 'integer', minimum: 0, maximum: 10000, description: 'basis points', example: 5000 },
    },
    ['uptoFen', 'ratioBp'],
  ),
};

export const REQUEST_BODIES: Readonly<Record<string, Schema>> = {
  OpenCase: obj(
    {
      person: obj({ idNumber: ID, name: str('王建国'), phone: str('13897001234') }, ['idNumber', 'name']),
      unitId: str('xn-union-01'),
      regionCode: str('630100'),
      household,
      causes: { type: 'array', items: str(), example: ['illness'] },
      channel: str('visit'),
      referralId: str(),
      emergencyExpenseFen: fen(0),
      tierOverride: str(),
      overrideReason: str(),
      consent: consentSchema('The worker', { documentRef: '西工帮授〔2026〕0012号', signedOn: '2026-03-02' }),
    },
    ['person', 'unitId', 'regionCode', 'household', 'causes', 'channel', 'consent'],
  ),
  RecordVisit: obj(
    { visitedOn: date('2026-03-02'), visitor: str('李敏'), findings: str('家中老人住院，收入减少。') },
    ['visitedOn', 'visitor', 'findings'],
  ),
  Reassess: obj({ household, causes: { type: 'array', items: str() }, emergencyExpenseFen: fen(0) }, [
    'household',
  ]),
  GrantAssistance: obj(
    {
      kind: str('cash'),
      category: str('medical'),
      amountFen: fen(200000),
      fundId: { type: 'string', format: 'uuid', example: '0b6f3c1e-8f5a-4c1e-9d3a-2a7c5e9b1f40' },
      description: str('住院费用补助'),
    },
    ['kind', 'category', 'amountFen', 'fundId', 'description'],
  ),
  CreateFund: obj(
    {
      name: str('2025年困难职工帮扶专项资金'),
      year: { type: 'integer', example: 2025 },
      category: str('any'),
      holderOrgId: str('org-henan'),
      amountFen: fen(977500000),
    },
    ['name', 'year', 'category', 'holderOrgId', 'amountFen'],
  ),
  AllocateFund: obj({ toOrgId: str('org-zhengzhou'), amountFen: fen(120000000), note: str('第一批下拨') }, [
    'toOrgId',
    'amountFen',
  ]),
  Reason: obj({ reason: str('材料不全') }),
  RequiredReason: obj({ reason: str('名单需重新核对') }, ['reason']),
  HolidayBatch: obj(
    {
      name: str('2026年春节送温暖'),
      orgId: str('xn-city-union'),
      fundId: str('00000000-0000-4000-8000-000000000001'),
      tiers: { type: 'array', items: str(), example: ['deep', 'relative'] },
      amountsByTierFen: {
        type: 'object',
        additionalProperties: { type: 'integer', minimum: 1 },
        description: 'fen per household, by tier',
        example: { deep: 100000, relative: 50000 },
      },
      paidOn: date('2026-02-10'),
    },
    ['name', 'orgId', 'fundId', 'tiers', 'amountsByTierFen', 'paidOn'],
  ),
  Pairing: obj({ helperName: str('张丽'), helperUnit: str('西宁市总工会') }, ['helperName', 'helperUnit']),
  CloseCase: obj({ reason: str('income_recovered'), note: str('已稳定就业') }, ['reason']),
  RegionPolicy: obj(
    { minimumLivingStandardFen: fen(86000), relativeMultiplierBp: { type: 'integer', example: 15000 } },
    ['minimumLivingStandardFen', 'relativeMultiplierBp'],
  ),
  CreateCampaign: obj(
    {
      year: { type: 'integer', example: 2026 },
      name: str('2026年金秋助学'),
      budgetFen: fen(50000000),
      opensOn: date('2026-07-01'),
      closesOn: date('2026-09-30'),
      schoolStartOn: date('2026-09-01'),
      amountsByLevelFen: {
        type: 'object',
        description: 'fen per education level; a level left out is not funded',
        properties: Object.fromEntries(EDUCATION_LEVELS.map((level) => [level, fen(500000)])),
        additionalProperties: false,
        example: { senior_high: 200000, undergraduate: 500000 },
      },
      eligibleTiers: { type: 'array', items: { type: 'string', enum: [...HARDSHIP_TIERS] } },
    },
    ['year', 'name', 'budgetFen', 'opensOn', 'closesOn', 'schoolStartOn', 'amountsByLevelFen'],
  ),
  SubmitApplication: obj(
    {
      campaignId: { type: 'string', format: 'uuid' },
      parentIdNumber: ID,
      unitId: str('xn-union-01'),
      student: obj(
        {
          idNumber: str('630102200801150026'),
          name: str('王小梅'),
          level: { type: 'string', enum: [...EDUCATION_LEVELS], example: 'senior_high' },
          school: str('西宁市第一中学'),
        },
        ['idNumber', 'name', 'level', 'school'],
      ),
      consent: consentSchema('The parent', { documentRef: '西工助授〔2026〕0031号', signedOn: '2026-07-02' }),
    },
    ['campaignId', 'parentIdNumber', 'unitId', 'student', 'consent'],
  ),
  Approve: obj({ recurring: { type: 'boolean', example: false } }),
  Payment: obj({ paymentRef: str('PAY-2026-000123'), paidOn: date('2026-09-10') }, ['paymentRef', 'paidOn']),
  CreatePeriod: obj(
    {
      name: str('2026年度职工医疗互助'),
      coverageStart: date('2026-01-01'),
      coverageEnd: date('2026-12-31'),
      enrollmentOpensOn: date('2025-11-01'),
      enrollmentClosesOn: date('2025-12-31'),
      contributionFen: fen(3000),
      waitingDays: { type: 'integer', example: 90 },
      claimDeadlineDays: { type: 'integer', example: 180 },
      rules: obj(
        {
          inpatient: obj({ deductibleFen: fen(100000), bands: BANDS, annualCapFen: fen(20000000) }, [
            'deductibleFen',
            'bands',
          ]),
          seriousIllness: obj({ thresholdFen: fen(6000000), bands: BANDS, capFen: fen(5000000) }, ['bands']),
          hardshipRisk: obj({ thresholdFen: fen(3000000) }),
          waiveContributionForTiers: {
            type: 'array',
            items: { type: 'string', enum: ['deep', 'relative', 'emergency'] },
            example: ['deep'],
          },
        },
        ['inpatient', 'seriousIllness'],
      ),
    },
    ['name', 'coverageStart', 'coverageEnd', 'enrollmentOpensOn', 'enrollmentClosesOn', 'rules'],
  ),
  Enroll: obj(
    {
      unitId: str('xn-union-01'),
      paymentRef: str('PAY-2025-1201'),
      members: {
        type: 'array',
        items: obj(
          {
            idNumber: ID,
            name: str('王建国'),
            hasBasicMedicalInsurance: { type: 'boolean', example: true },
          },
          ['idNumber', 'name', 'hasBasicMedicalInsurance'],
        ),
        maxItems: 10000,
      },
    },
    ['unitId', 'paymentRef', 'members'],
  ),
  SubmitClaim: obj(
    {
      periodId: { type: 'string', format: 'uuid' },
      idNumber: ID,
      hospital: str('青海省人民医院'),
      admittedOn: date('2026-04-03'),
      dischargedOn: date('2026-04-15'),
      diagnosisCode: str('I21.9'),
      bill: obj(
        {
          totalFen: fen(4500000),
          basicInsurancePaidFen: fen(2700000),
          seriousIllnessInsurancePaidFen: fen(0),
          medicalAssistancePaidFen: fen(0),
          employerPaidFen: fen(0),
          otherPaidFen: fen(0),
        },
        [
          'totalFen',
          'basicInsurancePaidFen',
          'seriousIllnessInsurancePaidFen',
          'medicalAssistancePaidFen',
          'employerPaidFen',
          'otherPaidFen',
        ],
      ),
    },
    ['periodId', 'idNumber', 'hospital', 'admittedOn', 'dischargedOn', 'diagnosisCode', 'bill'],
  ),
  ApproveClaim: obj({ eligibleFen: fen(1800000), reason: str() }),
  CreateOrgUnit: obj(
    {
      orgId: { ...str('ha-zz-jsq'), pattern: '^[a-z0-9][a-z0-9-]{1,62}$', description: 'omitted: a new id' },
      name: str('金水区总工会'),
      level: {
        type: 'string',
        enum: ['national', 'province', 'city', 'county', 'grassroots'],
        example: 'county',
      },
      parentId: { ...str('ha-zz'), description: 'omitted only for the root' },
      regionCode: { ...str('410105'), pattern: '^\\d{6}$' },
    },
    ['name', 'level', 'regionCode'],
  ),
  RenameOrgUnit: obj({ name: str('郑州市金水区总工会') }, ['name']),
  MoveOrgUnit: obj({ parentId: str('ha-ly') }, ['parentId']),
  CloseOrgUnit: obj({ reason: str('企业注销，工会随之撤销') }, ['reason']),
};
