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
  type ServiceDefinition,
} from '@union/runtime';

/** The kinds of personal information each event processes, for the records of processing (DOMAIN.md §5). */
const GRANTS_PROCESSING_KINDS: ProcessingKinds = {
  GrantApplicationSubmitted: ['identity_number', 'name', 'minor', 'education'],
};
import { grantsAuditPolicy } from './audit/grants-audit-policy';
import { GrantApplicationEntity } from './read-models/grant-application.entity';
import { grantApplicationProjection } from './read-models/grant-application.projection';
import { GrantCampaignEntity } from './read-models/grant-campaign.entity';
import { grantCampaignProjection } from './read-models/grant-campaign.projection';
import { GrantsReadModels1732300002000 } from './schema/1732300002000-grants-read-models.migration';
import { GrantsPersonRefs1732300002100 } from './schema/1732300002100-grants-person-refs.migration';
import { GrantsCampaignApplications1732300002200 } from './schema/1732300002200-grants-campaign-applications.migration';

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
  auditStates: { campaign: auditState(campaignDecider), application: auditState(applicationDecider) },
  auditPolicy: grantsAuditPolicy,
  toMessage,
};
