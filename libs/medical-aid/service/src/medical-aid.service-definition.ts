import { TOPICS } from '@union/contracts';
import type { StoredEvent } from '@union/event-store';
import { integrationMessage } from '@union/messaging';
import {
  claimDecider,
  membershipDecider,
  periodDecider,
  toIntegrationEvent,
  type MedicalAidDomainEvent,
  MEDICAL_AID_PERSONAL_FIELDS,
} from '@union/medical-aid/domain';
import {
  auditState,
  HARDSHIP_ELIGIBILITY_SCHEMA,
  type PersonalReadModel,
  type ProcessingKinds,
  type RetentionRecords,
  type ServiceDefinition,
} from '@union/runtime';
import { medicalAidAuditPolicy } from './audit/medical-aid-audit-policy';
import { ClaimSummaryEntity } from './read-models/claim-summary.entity';
import { claimSummaryProjection } from './read-models/claim-summary.projection';
import { MembershipSummaryEntity } from './read-models/membership-summary.entity';
import { membershipSummaryProjection } from './read-models/membership-summary.projection';
import { PeriodSummaryEntity } from './read-models/period-summary.entity';
import { periodSummaryProjection } from './read-models/period-summary.projection';
import { MedicalAidReadModels1732300003000 } from './schema/1732300003000-medical-aid-read-models.migration';
import { MedicalAidPersonIndexes1732300003100 } from './schema/1732300003100-medical-aid-person-indexes.migration';

/** The kinds of personal information each event processes, for the records of processing (DOMAIN.md §5). */
const MEDICAL_AID_PROCESSING_KINDS: ProcessingKinds = {
  MemberEnrolled: ['identity_number', 'name'],
  ClaimSubmitted: ['identity_number', 'name', 'medical'],
  ClaimAdmissionRegistered: ['medical'],
  SeriousIllnessAidGranted: ['medical'],
  HardshipRiskDetected: ['name', 'household_finances'],
};

/**
 * Publishes what other programmes need: ClaimPaid (claim streams), SeriousIllnessAidGranted and
 * HardshipRiskDetected (membership streams). Everything else stays in the service.
 */
function toMessage(event: StoredEvent) {
  if (event.streamType !== 'claim' && event.streamType !== 'member') return null;
  const integration = toIntegrationEvent({ type: event.type, data: event.data } as MedicalAidDomainEvent);
  return integration
    ? integrationMessage<{ personRef: string }>(event, {
        topic: TOPICS.medicalAidClaims,
        source: 'medical-aid',
        ...integration,
      })
    : null;
}

/** The medical-aid service's schema, read models and publications, for the runtime. */
/** Where this service's read models copy the personal fields, for erasure to scrub. */
const MEDICAL_AID_PERSONAL_READ_MODELS: readonly PersonalReadModel[] = [
  {
    table: 'membership_summary',
    whereRef: 'person_ref = $1',
    paths: ['member.idNumberMasked', 'member.name'],
  },
  {
    table: 'claim_summary',
    whereRef: 'person_ref = $1',
    paths: ['member.idNumberMasked', 'member.name', 'hospital', 'diagnosisCode'],
  },
];

/**
 * A member's records here for their retention (DOMAIN.md §5): each membership, open until its
 * period's coverage ends (then closed on `coverageEnd`), and each claim, open until paid or
 * rejected.
 */
const MEDICAL_AID_RETENTION: RetentionRecords = {
  sql: `SELECT m.person_ref, (p.data->>'coverageEnd')::date >= $1::date AS open,
               (p.data->>'coverageEnd')::date AS closed_on
        FROM membership_summary m JOIN period_summary p ON p.period_id = m.period_id
        UNION ALL
        SELECT person_ref, status IN ('submitted', 'approved') AS open,
               CASE status
                 WHEN 'paid' THEN (data->>'paidOn')::date
                 WHEN 'rejected' THEN ((data->>'decidedAt')::timestamptz AT TIME ZONE 'Asia/Shanghai')::date
               END AS closed_on
        FROM claim_summary`,
};

/** What a restricted member's records still take: a claim's rejection (it ends the claim). */
const MEDICAL_AID_RESTRICTED_PASSES = ['ClaimRejected', 'ClaimAdmissionReleased'] as const;

export const medicalAidService: ServiceDefinition = {
  name: 'medical-aid',
  publishes: TOPICS.medicalAidClaims,
  consumes: [TOPICS.hardshipCases, TOPICS.organisationUnits],
  migrations: [
    ...HARDSHIP_ELIGIBILITY_SCHEMA.migrations,
    MedicalAidReadModels1732300003000,
    MedicalAidPersonIndexes1732300003100,
  ],
  entities: [
    ...HARDSHIP_ELIGIBILITY_SCHEMA.entities,
    PeriodSummaryEntity,
    MembershipSummaryEntity,
    ClaimSummaryEntity,
  ],
  projections: [periodSummaryProjection, membershipSummaryProjection, claimSummaryProjection],
  personalReadModels: MEDICAL_AID_PERSONAL_READ_MODELS,
  personalFields: MEDICAL_AID_PERSONAL_FIELDS,
  processingKinds: MEDICAL_AID_PROCESSING_KINDS,
  retention: MEDICAL_AID_RETENTION,
  restrictedPersonPasses: MEDICAL_AID_RESTRICTED_PASSES,
  auditStates: {
    period: auditState(periodDecider),
    member: auditState(membershipDecider),
    claim: auditState(claimDecider),
  },
  auditPolicy: medicalAidAuditPolicy,
  toMessage,
};
