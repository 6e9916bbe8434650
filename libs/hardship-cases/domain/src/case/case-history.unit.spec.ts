import { caseOpened, CASE_ID, on } from '../testing/case.fixtures';
import { given } from '@union/kernel/testing';
import type { RecordExternalAssistance } from './case.commands';
import { caseDecider } from './case.decider';
import type { CaseEvent } from './case.events';

const today = on('2024-06-15');
const after = (...history: CaseEvent[]) => given(caseDecider, caseOpened(), ...history);
const closedEvents = after()
  .when({ type: 'CloseCase', ...today, reason: 'moved_away' })
  .events();

const external = (
  sourceEventId: string,
  overrides: Partial<RecordExternalAssistance> = {},
): RecordExternalAssistance => ({
  type: 'RecordExternalAssistance',
  ...today,
  source: 'medical-aid',
  sourceEventId,
  eventType: 'ClaimPaid',
  amountFen: 2_000_000,
  occurredOn: '2024-06-14',
  ...overrides,
});

describe('AttachReferral', () => {
  const attach = { type: 'AttachReferral' as const, ...today, referralId: 'ref-1' };

  it('puts a referral in the history of an open case, once', () => {
    const events = after().when(attach).events();
    expect(events).toEqual([
      {
        type: 'ReferralAttached',
        data: { referralId: 'ref-1', caseId: CASE_ID, attachedAt: today.now, attachedBy: 'cw-1' },
      },
    ]);
    after(...events)
      .when(attach)
      .then([]);
  });

  it('is refused on a closed case', () => {
    after(...closedEvents)
      .when(attach)
      .thenFails('RULE_VIOLATION');
  });
});

describe('RecordExternalAssistance', () => {
  it('records another programme payment once per source event', () => {
    const events = after().when(external('evt-1')).events();
    expect(events).toEqual([
      {
        type: 'ExternalAssistanceRecorded',
        data: {
          caseId: CASE_ID,
          source: 'medical-aid',
          sourceEventId: 'evt-1',
          type: 'ClaimPaid',
          amountFen: 2_000_000,
          occurredOn: '2024-06-14',
          recordedAt: today.now,
        },
      },
    ]);
    after(...events)
      .when(external('evt-1'))
      .then([]);
    expect(
      after(...events)
        .when(external('evt-2'))
        .events(),
    ).toHaveLength(1);
  });

  it('still records a payment that arrives after the case closed', () => {
    expect(
      after(...closedEvents)
        .when(external('evt-3'))
        .events(),
    ).toHaveLength(1);
  });

  it('refuses an event type its source does not publish', () => {
    after()
      .when(external('evt-4', { source: 'education-grants', eventType: 'ClaimPaid' }))
      .thenFails({ code: 'VALIDATION_FAILED', fields: ['type'] });
  });
});
