import { ORG_TREE_KEY, TOPICS, type OrganisationIntegrationEvent } from '@union/contracts';
import type { StoredEvent } from '@union/event-store';
import { integrationMessage } from '@union/messaging';
import { orgUnitDecider, toIntegrationEvent, type OrgUnitEvent } from '@union/organisation/domain';
import { auditState, type ServiceDefinition } from '@union/runtime';
import { OrgUnitEntity } from './read-models/org-unit.entity';
import { orgUnitsProjection } from './read-models/org-units.projection';
import { OrganisationReadModels1732300005000 } from './schema/1732300005000-organisation-read-models.migration';

/** Publishes every change of the tree, keyed by the tree (one partition, in order). */
function toMessage(event: StoredEvent) {
  if (event.streamType !== 'org') return null;
  const integration = toIntegrationEvent({ type: event.type, data: event.data } as OrgUnitEvent);
  return integrationMessage<OrganisationIntegrationEvent['data']>(event, {
    topic: TOPICS.organisationUnits,
    source: 'organisation',
    key: ORG_TREE_KEY,
    ...integration,
  });
}

/** The organisation service's schema, read model and publications, for the runtime. */
export const organisationService: ServiceDefinition = {
  name: 'organisation',
  publishes: TOPICS.organisationUnits,
  consumes: [],
  migrations: [OrganisationReadModels1732300005000],
  entities: [OrgUnitEntity],
  projections: [orgUnitsProjection],
  auditStates: { org: auditState(orgUnitDecider) },
  toMessage,
};
