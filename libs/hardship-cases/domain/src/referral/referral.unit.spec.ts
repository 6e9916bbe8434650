import { given } from '@union/kernel/testing';
import type { AcceptReferral, DismissReferral, ReceiveReferral } from './referral.commands';
import { referralDecider } from './referral.decider';
import type { ReferralReceived } from './referral.events';

const system = { actor: 'system', now: '2024-07-01T03:00:00.000Z' };
const caseworker = { actor: 'cw-1', now: '2024-07-02T03:00:00.000Z' };

const receive = (overrides: Partial<ReceiveReferral> = {}): ReceiveReferral => ({
  type: 'ReceiveReferral',
  ...system,
  referralId: 'ref-1',
  personRef: 'p'.repeat(64),
  unitId: 'unit-1',
  memberName: 'Zhang Wei',
  remainingBurdenFen: 3_500_000,
  periodId: 'period-1',
  claimIds: ['claim-1', 'claim-2'],
  sourceEventId: 'evt-9',
  ...overrides,
});
const received: ReferralReceived = {
  type: 'ReferralReceived',
  data: {
    referralId: 'ref-1',
    personRef: 'p'.repeat(64),
    unitId: 'unit-1',
    memberName: 'Zhang Wei',
    remainingBurdenFen: 3_500_000,
    periodId: 'period-1',
    claimIds: ['claim-1', 'claim-2'],
    sourceEventId: 'evt-9',
    receivedAt: '2024-07-01T03:00:00.000Z',
  },
};
const accept = (personRef = 'p'.repeat(64)): AcceptReferral => ({
  type: 'AcceptReferral',
  ...caseworker,
  caseId: 'case-1',
  personRef,
});
const dismiss = (reason = 'Household already helped by the street committee'): DismissReferral => ({
  type: 'DismissReferral',
  ...caseworker,
  reason,
});
const attach = { type: 'AttachReferralToCase' as const, ...system, caseId: 'case-1' };

describe('ReceiveReferral', () => {
  it('puts a hardship risk in the inbox', () => {
    given(referralDecider).when(receive()).then([received]);
  });

  it('attaches it at once when the person has an open case', () => {
    given(referralDecider)
      .when(receive({ openCaseId: 'case-1' }))
      .then([
        received,
        {
          type: 'ReferralAttached',
          data: { referralId: 'ref-1', caseId: 'case-1', attachedAt: system.now, attachedBy: 'system' },
        },
      ]);
  });

  it('ignores a redelivery of the same source event and refuses another one under the same id', () => {
    given(referralDecider, received).when(receive()).then([]);
    given(referralDecider, received)
      .when(receive({ sourceEventId: 'evt-10' }))
      .thenFails('CONFLICT');
  });
});

describe('AcceptReferral', () => {
  it('accepts a pending referral for a case of the same person', () => {
    given(referralDecider, received)
      .when(accept())
      .then([
        {
          type: 'ReferralAccepted',
          data: { referralId: 'ref-1', caseId: 'case-1', acceptedAt: caseworker.now, acceptedBy: 'cw-1' },
        },
      ]);
  });

  it('refuses a case of another person as an input error on the identity number', () => {
    given(referralDecider, received)
      .when(accept('q'.repeat(64)))
      .thenFails({ code: 'VALIDATION_FAILED', fields: ['person.idNumber'] });
  });

  it('only accepts pending referrals; the same acceptance again changes nothing', () => {
    const accepted = given(referralDecider, received).when(accept()).events();
    given(referralDecider, received, ...accepted)
      .when(accept())
      .then([]);
    given(referralDecider, received, ...accepted)
      .when(dismiss())
      .thenFails('RULE_VIOLATION');
    given(referralDecider).when(accept()).thenFails('NOT_FOUND');
  });
});

describe('AttachReferralToCase', () => {
  it('attaches a pending referral once, and not a dismissed one', () => {
    const attached = given(referralDecider, received).when(attach).events();
    expect(attached).toHaveLength(1);
    given(referralDecider, received, ...attached)
      .when(attach)
      .then([]);
    const dismissed = given(referralDecider, received).when(dismiss()).events();
    given(referralDecider, received, ...dismissed)
      .when(attach)
      .thenFails('RULE_VIOLATION');
  });
});

describe('DismissReferral', () => {
  it('dismisses a pending referral with a reason', () => {
    given(referralDecider, received)
      .when(dismiss())
      .then([
        {
          type: 'ReferralDismissed',
          data: {
            referralId: 'ref-1',
            reason: 'Household already helped by the street committee',
            by: 'cw-1',
            dismissedAt: caseworker.now,
          },
        },
      ]);
  });

  it('needs a reason and a pending referral', () => {
    given(referralDecider, received)
      .when(dismiss(' '))
      .thenFails({ code: 'VALIDATION_FAILED', fields: ['reason'] });
    const dismissed = given(referralDecider, received).when(dismiss()).events();
    given(referralDecider, received, ...dismissed)
      .when(dismiss())
      .thenFails('RULE_VIOLATION');
    given(referralDecider, received, ...dismissed)
      .when(accept())
      .thenFails('RULE_VIOLATION');
  });
});
