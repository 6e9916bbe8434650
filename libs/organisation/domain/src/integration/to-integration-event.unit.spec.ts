import { ORG_TREE_KEY, parseIntegrationEvent, TOPICS } from '@union/contracts';
import type { OrgUnitEvent } from '../org-unit/org-unit.events';
import { toIntegrationEvent } from './to-integration-event';

describe('toIntegrationEvent', () => {
  const events: OrgUnitEvent[] = [
    {
      type: 'OrgUnitCreated',
      data: { orgId: 'ha', name: '河南省总工会', level: 'province', parentId: '', regionCode: '410000' },
    },
    { type: 'OrgUnitRenamed', data: { orgId: 'ha', name: '河南省总工会（新）' } },
    { type: 'OrgUnitMoved', data: { orgId: 'ha-zz-jsq', fromParentId: 'ha-zz', toParentId: 'ha-ly' } },
    { type: 'OrgUnitClosed', data: { orgId: 'ha-zz-jsq', reason: '区划调整' } },
  ];

  it.each(events)('publishes $type as version 1, field for field, valid under the contract', (event) => {
    const integration = toIntegrationEvent(event);
    expect(integration).toEqual({ type: event.type, version: 1, data: event.data });
    const parsed = parseIntegrationEvent({
      topic: TOPICS.organisationUnits,
      key: ORG_TREE_KEY,
      type: integration.type,
      version: 1,
      occurredAt: '2024-07-01T03:00:00.000Z',
      value: integration.data,
    });
    expect(parsed).toEqual(integration);
  });
});
