import { HEADERS, TOPICS } from '@union/contracts';
import type { StoredEvent } from '@union/event-store';
import { integrationMessage } from './integration-message';

const stored = (metadata: StoredEvent['metadata'] = {}): StoredEvent => ({
  globalPosition: 7,
  streamId: 'case-1',
  streamType: 'case',
  version: 1,
  eventId: '0b9c6a2e-1d1f-4a53-9a51-5b0a7f0d2c11',
  type: 'CaseOpened',
  schemaVersion: 1,
  data: {},
  metadata,
  recordedAt: new Date('2025-03-04T05:06:07.089Z'),
  transactionId: '812',
  personRef: 'p-1',
  prevHash: null,
  hash: 'h',
});
const data = { personRef: 'p-1', caseId: 'case-1', reason: 'resolved' };
const spec = {
  topic: TOPICS.hardshipCases,
  type: 'HardshipCaseClosed',
  version: 1,
  data,
  source: 'hardship-cases',
};

describe('integrationMessage', () => {
  it('keys by personRef and puts the metadata in headers', () => {
    const message = integrationMessage(stored({ correlationId: 'corr-1', causationId: 'cause-1' }), spec);
    expect(message).toEqual({
      topic: 'hardship.cases.v1',
      key: 'p-1',
      value: data,
      headers: {
        [HEADERS.eventId]: '0b9c6a2e-1d1f-4a53-9a51-5b0a7f0d2c11',
        [HEADERS.eventType]: 'HardshipCaseClosed',
        [HEADERS.eventVersion]: '1',
        [HEADERS.correlationId]: 'corr-1',
        [HEADERS.causationId]: 'cause-1',
        [HEADERS.source]: 'hardship-cases',
        [HEADERS.occurredAt]: '2025-03-04T05:06:07.089Z',
      },
    });
  });

  it('starts a new chain of causes when the event has no correlation or causation id', () => {
    const { headers } = integrationMessage(stored(), spec);
    expect(headers[HEADERS.correlationId]).toBe('0b9c6a2e-1d1f-4a53-9a51-5b0a7f0d2c11');
    expect(headers[HEADERS.causationId]).toBe('0b9c6a2e-1d1f-4a53-9a51-5b0a7f0d2c11');
  });

  it('refuses a payload without personRef', () => {
    const noRef = { ...spec, data: { ...data, personRef: '' } };
    expect(() => integrationMessage(stored(), noRef)).toThrow(/no personRef/);
  });

  it("keys by the spec's own key when it gives one (the tree: every message keyed org-tree)", () => {
    const orgSpec = {
      topic: TOPICS.organisationUnits,
      type: 'OrgUnitRenamed',
      version: 1,
      data: { orgId: 'ha', name: '河南省总工会' },
      source: 'organisation',
      key: 'org-tree',
    };
    expect(integrationMessage(stored(), orgSpec)).toMatchObject({ key: 'org-tree', value: orgSpec.data });
    expect(() => integrationMessage(stored(), { ...orgSpec, key: '' })).toThrow(/no key/);
  });
});
