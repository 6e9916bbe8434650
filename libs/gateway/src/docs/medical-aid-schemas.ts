import { HARDSHIP_TIERS } from '@union/contracts';
import { ref, type Schema } from './openapi-parts';

// The answers of the medical-aid routes (API.md, "Medical mutual aid"), so clients generated
// from this document (the console's `npm run console:api`) get their fields typed.

const str = { type: 'string' };
const int = { type: 'integer' };
const fen = { type: 'integer', description: 'fen' };
const bp = { type: 'integer', description: 'basis points (10000 = 100%)' };
const date = { type: 'string', format: 'date' };
const instant = { type: 'string', format: 'date-time' };
const object = (
  properties: Record<string, Schema>,
  required: string[] = Object.keys(properties),
): Schema => ({
  type: 'object',
  properties,
  ...(required.length > 0 ? { required } : {}),
});
const list = (items: Schema): Schema => ({ type: 'array', items });
const page = (item: string): Schema =>
  object({ items: list(ref(item)), page: int, pageSize: int, total: int });

const band = object({
  uptoFen: {
    ...fen,
    nullable: true,
    description: 'fen above the deductible or threshold; null: no limit (the last band)',
  },
  ratioBp: bp,
});
const bands = list(band);

const period = object(
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
    rules: object({
      inpatient: object({ deductibleFen: fen, bands, annualCapFen: fen }),
      seriousIllness: object({ thresholdFen: fen, bands, capFen: fen }),
      hardshipRisk: object({ thresholdFen: fen }),
      waiveContributionForTiers: list({ type: 'string', enum: [...HARDSHIP_TIERS] }),
    }),
    policyVersion: str,
    openedBy: str,
    openedAt: instant,
  },
  [
    'periodId',
    'version',
    'name',
    'coverageStart',
    'coverageEnd',
    'enrollmentOpensOn',
    'enrollmentClosesOn',
    'contributionFen',
    'waitingDays',
    'claimDeadlineDays',
    'rules',
    'policyVersion',
  ],
);

const quote = object({
  outOfPocketFen: fen,
  deductibleFen: fen,
  eligibleFen: fen,
  bands: list(object({ uptoFen: { ...fen, nullable: true }, ratioBp: bp, baseFen: fen, amountFen: fen })),
  capAppliedFen: { ...fen, description: 'How much the annual cap cut from the banded amount' },
  payoutFen: fen,
  policyVersion: str,
});

const claimProperties: Record<string, Schema> = {
  claimId: { type: 'string', format: 'uuid' },
  version: int,
  periodId: { type: 'string', format: 'uuid' },
  status: { type: 'string', enum: ['submitted', 'approved', 'rejected', 'paid'] },
  member: object({
    idNumberMasked: str,
    name: str,
    idNumber: {
      type: 'string',
      nullable: true,
      description: 'The full identity number: only on a read with `purpose`',
    },
  }),
  unitId: str,
  hospital: str,
  admittedOn: date,
  dischargedOn: date,
  diagnosisCode: {
    type: 'string',
    nullable: true,
    description: 'Only on a read with `purpose`; null otherwise',
  },
  bill: object({
    totalFen: fen,
    basicInsurancePaidFen: fen,
    seriousIllnessInsurancePaidFen: fen,
    medicalAssistancePaidFen: fen,
    employerPaidFen: fen,
    otherPaidFen: fen,
  }),
  quote,
  submittedBy: str,
  submittedAt: instant,
  decidedBy: str,
  decidedAt: instant,
  decisionReason: str,
  eligibleLoweredFromFen: fen,
  paymentRef: str,
  paidOn: date,
};
const CLAIM_REQUIRED = Object.keys(claimProperties).slice(0, 14);

export const MEDICAL_AID_SCHEMAS: Readonly<Record<string, Schema>> = {
  Period: period,
  PeriodPage: page('Period'),
  Claim: object(claimProperties, CLAIM_REQUIRED),
  ClaimPage: page('Claim'),
  ClaimPreview: {
    description:
      'The answer of `POST /claims?dryRun=true`: the claim the request would record (nothing is ' +
      'stored) with its quote, and what was left of the annual cap before it.',
    allOf: [
      ref('Claim'),
      object({
        dryRun: { type: 'boolean', enum: [true] },
        capLeftFen: { ...fen, description: "What was left of the member's annual cap before this claim" },
      }),
    ],
  },
  EnrollmentResult: object({
    enrolled: int,
    duplicates: int,
    waived: int,
    rejected: list(
      object({
        index: { ...int, description: 'The row of `members`, from 0' },
        code: {
          type: 'string',
          enum: ['INVALID_ID_NUMBER', 'NAME_REQUIRED', 'NO_BASIC_MEDICAL_INSURANCE', 'PERSON_RESTRICTED'],
        },
        message: str,
      }),
    ),
    duplicateIndexes: { ...list(int), description: 'The rows counted in `duplicates`, ascending' },
    waivedIndexes: {
      ...list(int),
      description: 'The enrolled rows whose contribution the union fund pays, ascending',
    },
  }),
};
