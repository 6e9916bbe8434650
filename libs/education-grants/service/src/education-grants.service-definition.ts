import { TOPICS } from '@union/contracts';
import type { StoredEvent } from '@union/event-store';
import { integrationMessage } from '@union/messaging';
import {
  applicationDecider,
  campaignDecider,
  toIntegrationEvent,
  type ApplicationEvent,
  GRANTS_PERSONAL_FIELDS,
} from '@union/education-grants/domain';
import {
  auditState,
  HARDSHIP_ELIGIBILITY_SCHEMA,
  type PersonalReadModel,
  type ProcessingKinds,
  type RetentionRecords,
  type ServiceDefinition,
} from '@union/runtime';
import { grantsAuditPolicy } from './audit/grants-audit-policy';
import { GrantApplicationEntity } from './read-models/grant-application.entity';
import { grantApplicationProjection } from './read-models/grant-application.projection';
import { GrantCampaignEntity } from './read-models/grant-campaign.entity';
import { grantCampaignProjection } from './read-models/grant-campaign.projection';
import { GrantsReadModels1732300002000 } from './schema/1732300002000-grants-read-models.migration';
import { GrantsPersonRefs1732300002100 } from './schema/1732300002100-grants-person-refs.migration';
import { GrantsCampaignApplications1732300002200 } from './schema/1732300002200-grants-campaign-applications.migration';

/** The kinds of personal information each event processes, for the records of processing (DOMAIN.md §5). */
const GRANTS_PROCESSING_KINDS: ProcessingKinds = {
  GrantApplicationSubmitted: ['identity_number', 'name', 'minor', 'education'],
};

/** Publishes what other programmes need of an application: only `GrantDisbursed` crosses the border. */
function toMessage(event: StoredEvent) {
  if (event.streamType !== 'application') return null;
  const integration = toIntegrationEvent({ type: event.type, data: event.data } as ApplicationEvent);
  return integration
    ? integrationMessage(event, { topic: TOPICS.educationGrants, source: 'education-grants', ...integration })
    : null;
}

/** The education-grants service's schema, read models and publications, for the runtime. */
/** Where this service's read models copy the personal fields, for erasure to scrub. */
const GRANTS_PERSONAL_READ_MODELS: readonly PersonalReadModel[] = [
  { table: 'grant_application', whereRef: 'parent_person_ref = $1', paths: ['parent.idNumberMasked'] },
  {
    table: 'grant_application',
    whereRef: 'student_person_ref = $1',
    paths: ['student.idNumberMasked', 'student.name', 'student.school'],
  },
];

/**
 * A person's records here for their retention (DOMAIN.md §5): the applications naming them, as
 * the parent or as the student, open until finished (disbursed, rejected or withdrawn; on hold
 * is still open), and closed on the day they finished.
 */
const GRANTS_RETENTION: RetentionRecords = {
  sql: `SELECT who.person_ref, a.status IN ('submitted', 'approved', 'on_hold') AS open,
          CASE a.status
            WHEN 'disbursed' THEN (a.data->>'paidOn')::date
            WHEN 'rejected' THEN ((a.data->>'decidedAt')::timestamptz AT TIME ZONE 'Asia/Shanghai')::date
            WHEN 'withdrawn' THEN (SELECT (max(e.recorded_at) AT TIME ZONE 'Asia/Shanghai')::date FROM events e
                                   WHERE e.stream_id = 'application-' || a.application_id
                                     AND e.type = 'GrantApplicationWithdrawn')
          END AS closed_on
        FROM grant_application a
        CROSS JOIN LATERAL (VALUES (a.parent_person_ref), (a.student_person_ref)) AS who(person_ref)`,
};

/**
 * What a restricted person's applications still take: their end (rejected, withdrawn), which
 * starts the retention period, and the holds the service puts on its own from hardship events.
 * Approval and disbursement are refused.
 */
const GRANTS_RESTRICTED_PASSES = [
  'GrantApplicationRejected',
  'GrantApplicationWithdrawn',
  'GrantApplicationPutOnHold',
  'GrantApplicationReleasedFromHold',
] as const;

export const educationGrantsService: ServiceDefinition = {
  name: 'education-grants',
  publishes: TOPICS.educationGrants,
  consumes: [TOPICS.hardshipCases, TOPICS.organisationUnits],
  migrations: [
    ...HARDSHIP_ELIGIBILITY_SCHEMA.migrations,
    GrantsReadModels1732300002000,
    GrantsPersonRefs1732300002100,
    GrantsCampaignApplications1732300002200,
  ],
  entities: [...HARDSHIP_ELIGIBILITY_SCHEMA.entities, GrantCampaignEntity, GrantApplicationEntity],
  projections: [grantCampaignProjection, grantApplicationProjection],
  personalReadModels: GRANTS_PERSONAL_READ_MODELS,
  personalFields: GRANTS_PERSONAL_FIELDS,
  processingKinds: GRANTS_PROCESSING_KINDS,
  retention: GRANTS_RETENTION,
  restrictedPersonPasses: GRANTS_RESTRICTED_PASSES,
  auditStates: { campaign: auditState(campaignDecider), application: auditState(applicationDecider) },
  auditPolicy: grantsAuditPolicy,
  toMessage,
};
