import type { OrganisationIntegrationEvent } from '@union/contracts';
import type { OrgUnitEvent } from '../org-unit/org-unit.events';

/**
 * The `organisation.units.v1` event of a node's domain event: every change of the tree is
 * published, field for field (the payloads hold no personal data).
 */
export function toIntegrationEvent(event: OrgUnitEvent): OrganisationIntegrationEvent {
  switch (event.type) {
    case 'OrgUnitCreated': {
      const { orgId, name, level, parentId, regionCode } = event.data;
      return { type: 'OrgUnitCreated', version: 1, data: { orgId, name, level, parentId, regionCode } };
    }
    case 'OrgUnitRenamed':
      return { type: 'OrgUnitRenamed', version: 1, data: { orgId: event.data.orgId, name: event.data.name } };
    case 'OrgUnitMoved': {
      const { orgId, fromParentId, toParentId } = event.data;
      return { type: 'OrgUnitMoved', version: 1, data: { orgId, fromParentId, toParentId } };
    }
    case 'OrgUnitClosed':
      return {
        type: 'OrgUnitClosed',
        version: 1,
        data: { orgId: event.data.orgId, reason: event.data.reason },
      };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
