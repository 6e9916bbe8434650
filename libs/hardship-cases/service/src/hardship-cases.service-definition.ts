import { TOPICS } from '@union/contracts';
import { Upcasters, type StoredEvent } from '@union/event-store';
import { integrationMessage } from '@union/messaging';
import {
  caseDecider,
  holidayBatchDecider,
  fundDecider,
  referralDecider,
  upcastAssistanceRecordedV1,
  regionPolicyDecider,
  toIntegrationEvent,
  type CaseEvent,
  HARDSHIP_PERSONAL_FIELDS,
} from '@union/hardship-cases/domain';
import {
  auditState,
  type PersonalReadModel,
  type ProcessingKinds,
  type RetentionRecords,
  type ServiceDefinition,
} from '@union/runtime';
import { hardshipAuditPolicy } from './audit/hardship-audit-policy';
import { assistanceProjection } from './read-models/assistance/assistance.projection';
import { AssistanceEntity } from './read-models/assistance/assistance.entity';
import { caseSummaryProjection } from './read-models/case-summary/case-summary.projection';
import { CaseSummaryEntity } from './read-models/case-summary/case-summary.entity';
import { externalAssistanceProjection } from './read-models/external-assistance/external-assistance.projection';
import { ExternalAssistanceEntity } from './read-models/external-assistance/external-assistance.entity';
import { referralProjection } from './read-models/referrals/referral.projection';
import { ReferralEntity } from './read-models/referrals/referral.entity';
import { visitProjection } from './read-models/visits/visit.projection';
import { fundProjection } from './read-models/funds/fund.projection';
import { FundEntity } from './read-models/funds/fund.entity';
import { HardshipFunds1732300003000 } from './schema/1732300003000-hardship-funds.migration';
import { VisitEntity } from './read-models/visits/visit.entity';
import { HardshipReadModels1732300001000 } from './schema/1732300001000-hardship-read-models.migration';
import { HardshipCaseDetails1732300002000 } from './schema/1732300002000-hardship-case-details.migration';
import { HolidayBatches1732300004000 } from './schema/1732300004000-holiday-batches.migration';
import { holidayBatchProjection } from './read-models/holiday-batches/holiday-batch.projection';
import { HolidayBatchEntity } from './read-models/holiday-batches/holiday-batch.entity';
import { HardshipPersonIndex1732300002100 } from './schema/1732300002100-hardship-person-index.migration';
import { RegionPoliciesAndPendingAssistance1732300005600 } from './schema/1732300005600-region-policies-and-pending-assistance.migration';
import { regionPolicyVersionProjection } from './read-models/region-policies/region-policy-version.projection';

/** Publishes what other programmes need of a case: opened, tier changed, closed, reopened. */
function toMessage(event: StoredEvent) {
  if (event.streamType !== 'case') return null;
  const integration = toIntegrationEvent({ type: event.type, data: event.data } as CaseEvent);
  return integration
    ? integrationMessage<{ personRef: string }>(event, {
        topic: TOPICS.hardshipCases,
        source: 'hardship-cases',
        ...integration,
      })
    : null;
}

/** Every read model of the service, updated inline and rebuildable from the log. */
/** Where this service's read models copy the personal fields, for erasure to scrub. */
const HARDSHIP_PERSONAL_READ_MODELS: readonly PersonalReadModel[] = [
  { table: 'case_summary', whereRef: 'person_ref = $1', paths: ['idNumberMasked', 'name', 'phone'] },
  {
    table: 'case_visit',
    whereRef: 'case_id IN (SELECT case_id FROM case_summary WHERE person_ref = $1)',
    paths: ['findings'],
  },
  { table: 'referral', whereRef: 'person_ref = $1', paths: ['memberName'] },
];

/** The kinds of personal information each event processes, for the records of processing (DOMAIN.md §5). */
const HARDSHIP_PROCESSING_KINDS: ProcessingKinds = {
  HardshipCaseOpened: ['identity_number', 'name', 'contact', 'household_finances'],
  HardshipCaseReassessed: ['household_finances'],
  HomeVisitRecorded: ['home_visit'],
  ReferralReceived: ['name', 'household_finances'],
};

/**
 * A person's records here for their retention (DOMAIN.md §5): their cases (open, or closed on
 * `closedOn`) and the referrals about them (pending, or settled).
 */
const HARDSHIP_RETENTION: RetentionRecords = {
  sql: `SELECT person_ref, status = 'open' AS open, (data->>'closedOn')::date AS closed_on FROM case_summary
        UNION ALL
        SELECT person_ref, status = 'pending' AS open,
               ((data->>'settledAt')::timestamptz AT TIME ZONE 'Asia/Shanghai')::date AS closed_on
        FROM referral`,
};

/**
 * What a restricted person's records still take: the case's closing (it starts the retention
 * period) and what the service records on its own from the other programmes' events.
 */
const HARDSHIP_RESTRICTED_PASSES = [
  'HardshipCaseClosed',
  'ExternalAssistanceRecorded',
  'ReferralReceived',
  'ReferralDismissed',
] as const;

export const hardshipProjections = [
  caseSummaryProjection,
  assistanceProjection,
  visitProjection,
  externalAssistanceProjection,
  referralProjection,
  holidayBatchProjection,
  fundProjection,
  regionPolicyVersionProjection,
];

/** Old shapes of stored events, read as the current ones (the stored event and its hash stay). */
export const hardshipUpcasters = new Upcasters().register(
  'AssistanceRecorded',
  1,
  upcastAssistanceRecordedV1,
);

/** The hardship-cases service's schema, read models and publications, for the runtime. */
export const hardshipCasesService: ServiceDefinition = {
  name: 'hardship-cases',
  publishes: TOPICS.hardshipCases,
  consumes: [TOPICS.educationGrants, TOPICS.medicalAidClaims, TOPICS.organisationUnits],
  migrations: [
    HardshipReadModels1732300001000,
    HardshipCaseDetails1732300002000,
    HardshipPersonIndex1732300002100,
    HardshipFunds1732300003000,
    HolidayBatches1732300004000,
    RegionPoliciesAndPendingAssistance1732300005600,
  ],
  entities: [
    CaseSummaryEntity,
    AssistanceEntity,
    VisitEntity,
    ExternalAssistanceEntity,
    ReferralEntity,
    HolidayBatchEntity,
    FundEntity,
  ],
  projections: hardshipProjections,
  upcasters: hardshipUpcasters,
  personalReadModels: HARDSHIP_PERSONAL_READ_MODELS,
  personalFields: HARDSHIP_PERSONAL_FIELDS,
  processingKinds: HARDSHIP_PROCESSING_KINDS,
  retention: HARDSHIP_RETENTION,
  restrictedPersonPasses: HARDSHIP_RESTRICTED_PASSES,
  auditStates: {
    case: auditState(caseDecider),
    referral: auditState(referralDecider),
    policy: auditState(regionPolicyDecider),
    'holiday-batch': auditState(holidayBatchDecider),
    fund: auditState(fundDecider),
  },
  auditPolicy: hardshipAuditPolicy,
  toMessage,
};
