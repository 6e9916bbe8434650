import { TOPICS } from '@union/contracts';
import type { StoredEvent } from '@union/event-store';
import { integrationMessage } from '@union/messaging';
import { toIntegrationEvent, type CaseEvent } from '@union/hardship-cases/domain';
import type { ServiceDefinition } from '@union/runtime';
import { caseSummaryProjection } from './read-models/case-summary.projection';
import { CaseSummaryEntity } from './read-models/case-summary.entity';
import { HardshipReadModels1732300001000 } from './schema/1732300001000-hardship-read-models.migration';

/** Publishes what other programmes need of a case: opened, tier changed, closed, reopened. */
function toMessage(event: StoredEvent) {
  if (event.streamType !== 'case') return null;
  const integration = toIntegrationEvent({ type: event.type, data: event.data } as CaseEvent);
  return integration
    ? integrationMessage<{ personRef: string }>(event, { topic: TOPICS.hardshipCases, source: 'hardship-cases', ...integration })
    : null;
}

/** The hardship-cases service's schema, read models and publications, for the runtime. */
export const hardshipCasesService: ServiceDefinition = {
  name: 'hardship-cases',
  publishes: TOPICS.hardshipCases,
  consumes: [TOPICS.educationGrants, TOPICS.medicalAidClaims],
  migrations: [HardshipReadModels1732300001000],
  entities: [CaseSummaryEntity],
  projections: [caseSummaryProjection],
  toMessage,
};
