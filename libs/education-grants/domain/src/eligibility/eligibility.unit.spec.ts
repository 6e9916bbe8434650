import type { HardshipIntegrationEvent } from '@union/contracts';
import { applicationDecider } from '../application/application.decider';
import type { ApplicationEvent, ApplicationStatus } from '../application/application.events';
import { stateAfter } from '../testing/decider-spec';
import { APPLICATION_ID, NOW, submitted } from '../testing/grants.fixtures';
import {
  eligibilityEffects,
  evolveParentEligibility,
  type ApplicationUnderEligibility,
  type ParentEligibilityRow,
} from './parent-eligibility.projection';

const personRef = 'ref-parent';
const opened: HardshipIntegrationEvent = {
  type: 'HardshipCaseOpened',
  version: 1,
  data: {
    personRef,
    caseId: 'case-1',
    unitId: 'unit-1',
    regionCode: '630102',
    tier: 'deep',
    openedOn: '2024-01-10',
  },
};
const closed: HardshipIntegrationEvent = {
  type: 'HardshipCaseClosed',
  version: 1,
  data: { personRef, caseId: 'case-1', reason: 'moved_away' },
};
const reopened = (tier: 'deep' | 'emergency'): HardshipIntegrationEvent => ({
  type: 'HardshipCaseReopened',
  version: 1,
  data: { personRef, caseId: 'case-1', tier },
});
const tierChanged = (
  fromTier: 'deep' | 'relative' | 'emergency',
  toTier: 'deep' | 'relative' | 'emergency',
): HardshipIntegrationEvent => ({
  type: 'HardshipTierChanged',
  version: 1,
  data: { personRef, caseId: 'case-1', fromTier, toTier },
});

const fold = (events: readonly HardshipIntegrationEvent[]): ParentEligibilityRow | null =>
  events.reduce<ParentEligibilityRow | null>((row, e) => evolveParentEligibility(row, e), null);

const id = APPLICATION_ID;
const approved: ApplicationEvent = {
  type: 'GrantApplicationApproved',
  data: { applicationId: id, by: 'r', at: NOW, recurring: false },
};
const histories: Record<string, ApplicationEvent[]> = {
  submitted: [submitted()],
  approved: [submitted(), approved],
  disbursed: [
    submitted(),
    approved,
    {
      type: 'GrantDisbursed',
      data: {
        ...{
          applicationId: id,
          campaignId: 'c',
          parentPersonRef: personRef,
          studentPersonRef: 'ref-student',
          level: 'undergraduate',
        },
        ...{ amountFen: 500_000, paymentRef: 'P', paidOn: '2024-08-01', late: false, by: 'c', at: NOW },
      },
    },
  ],
  rejected: [
    submitted(),
    { type: 'GrantApplicationRejected', data: { applicationId: id, by: 'r', at: NOW, reason: 'No' } },
  ],
  withdrawn: [
    submitted(),
    { type: 'GrantApplicationWithdrawn', data: { applicationId: id, reason: 'Moved', by: 'c', at: NOW } },
  ],
};

/** Runs a hardship event through the effects and the application decider, as the service does. */
function react(
  history: ApplicationEvent[],
  before: readonly HardshipIntegrationEvent[],
  event: HardshipIntegrationEvent,
): ApplicationEvent[] {
  const state = stateAfter(applicationDecider, history);
  if (state.status === 'none') throw new Error('no application');
  const view: ApplicationUnderEligibility = {
    applicationId: id,
    status: state.status,
    eligibleTiers: ['deep', 'relative'],
  };
  const decided = eligibilityEffects(event, [view], fold(before), NOW).flatMap((e) =>
    applicationDecider.decide(e.command, state),
  );
  return [...history, ...decided];
}
const statusOf = (history: ApplicationEvent[]): ApplicationStatus | 'none' =>
  stateAfter(applicationDecider, history).status;

describe('evolveParentEligibility', () => {
  it('follows the case through closing, reopening and tier changes', () => {
    expect(fold([opened])).toEqual({ personRef, caseId: 'case-1', open: true, tier: 'deep' });
    expect(fold([opened, closed])).toMatchObject({ open: false });
    expect(fold([opened, closed, reopened('emergency')])).toMatchObject({ open: true, tier: 'emergency' });
    expect(fold([opened, tierChanged('deep', 'relative')])).toMatchObject({ open: true, tier: 'relative' });
  });

  it('gives the same row when an event arrives twice', () => {
    expect(fold([opened, closed, closed])).toEqual(fold([opened, closed]));
    expect(fold([opened, opened])).toEqual(fold([opened]));
  });
});

describe('eligibility lost and restored', () => {
  it.each(['submitted', 'approved'])(
    'holds a %s application when the case closes and restores it on reopening',
    (status) => {
      const afterClose = react(histories[status], [opened], closed);
      expect(statusOf(afterClose)).toBe('on_hold');
      expect(afterClose.at(-1)).toMatchObject({ data: { reason: 'parent_case_closed', caseId: 'case-1' } });
      const afterReopen = react(afterClose, [opened, closed], reopened('deep'));
      expect(statusOf(afterReopen)).toBe(status);
    },
  );

  it.each(['disbursed', 'rejected', 'withdrawn'])('leaves a %s application unchanged', (status) => {
    const afterClose = react(histories[status], [opened], closed);
    expect(afterClose).toEqual(histories[status]);
    expect(react(afterClose, [opened, closed], reopened('deep'))).toEqual(histories[status]);
  });

  it('keeps an application on hold when the case reopens under a tier the campaign does not accept', () => {
    const afterClose = react(histories.approved, [opened], closed);
    const afterReopen = react(afterClose, [opened, closed], reopened('emergency'));
    expect(statusOf(afterReopen)).toBe('on_hold');
    // A later reassessment into an accepted tier releases it.
    const afterChange = react(
      afterReopen,
      [opened, closed, reopened('emergency')],
      tierChanged('emergency', 'relative'),
    );
    expect(statusOf(afterChange)).toBe('approved');
  });

  it('holds on a tier change to a tier the campaign does not accept, and releases on the change back', () => {
    const afterChange = react(histories.submitted, [opened], tierChanged('deep', 'emergency'));
    expect(statusOf(afterChange)).toBe('on_hold');
    expect(afterChange.at(-1)).toMatchObject({ data: { reason: 'parent_tier_not_eligible' } });
    expect(
      statusOf(
        react(afterChange, [opened, tierChanged('deep', 'emergency')], tierChanged('emergency', 'deep')),
      ),
    ).toBe('submitted');
  });

  it('changes nothing on a change between accepted tiers, or on a redelivered closing', () => {
    expect(react(histories.approved, [opened], tierChanged('deep', 'relative'))).toEqual(histories.approved);
    const afterClose = react(histories.submitted, [opened], closed);
    expect(react(afterClose, [opened, closed], closed)).toEqual(afterClose);
  });

  it("ignores the closing of another case than the parent's current one", () => {
    const other: HardshipIntegrationEvent = {
      type: 'HardshipCaseClosed',
      version: 1,
      data: { personRef, caseId: 'case-old', reason: 'duplicate' },
    };
    expect(react(histories.submitted, [opened], other)).toEqual(histories.submitted);
  });
});
