import type { HardshipTier } from '@union/contracts';
import { DEFAULT_POLICY } from '../policy/region-policy';
import {
  caseClosed,
  caseOpened,
  CASE_ID,
  householdOf,
  on,
  PERSON_REF,
  regionPolicy,
} from '../testing/case.fixtures';
import { given } from '@union/kernel/testing';
import type { ReopenCase } from './case.commands';
import { caseDecider } from './case.decider';

const reopen = (overrides: Partial<ReopenCase> = {}): ReopenCase => ({
  type: 'ReopenCase',
  ...on('2024-10-08'),
  reason: 'Moved back',
  policy: DEFAULT_POLICY,
  ...overrides,
});

describe('ReopenCase', () => {
  const reopenedTier = (tier: HardshipTier | null) => expect.objectContaining({ computedTier: tier, tier });

  it('reassesses the last household under the policy in force now', () => {
    const opened = caseOpened({ household: householdOf(100_000) });
    const policy = regionPolicy({ minimumLivingStandardFen: 100_000, policyVersion: '630102-2' });
    given(caseDecider, opened, caseClosed())
      .when(reopen({ policy }))
      .then([
        {
          type: 'HardshipCaseReopened',
          data: {
            caseId: CASE_ID,
            personRef: PERSON_REF,
            reason: 'Moved back',
            causes: ['illness'],
            household: { size: 1, monthlyIncomeFen: 100_000 },
            perCapitaIncomeFen: 100_000,
            computedTier: 'deep',
            tier: 'deep',
            policyVersion: '630102-2',
            nextReviewDue: '2025-10-08',
            reopenedOn: '2024-10-08',
            reopenedAt: '2024-10-08T02:00:00.000Z',
            reopenedBy: 'cw-1',
          },
        },
      ]);
  });

  it('takes new figures when given', () => {
    const [event] = given(caseDecider, caseOpened(), caseClosed())
      .when(reopen({ household: householdOf(120_000) }))
      .events();
    expect(event?.data).toEqual(reopenedTier('relative'));
  });

  it('refuses a household still above every line, unless overridden with a reason', () => {
    const history = [caseOpened(), caseClosed('out_of_hardship')];
    const rich = householdOf(300_000);
    given(caseDecider, ...history)
      .when(reopen({ household: rich }))
      .thenFails('NOT_ELIGIBLE');
    const [event] = given(caseDecider, ...history)
      .when(reopen({ household: rich, tierOverride: 'deep', overrideReason: 'Committee decision' }))
      .events();
    expect(event?.data).toMatchObject({
      computedTier: null,
      tier: 'deep',
      overrideReason: 'Committee decision',
    });
  });

  it('reuses the last emergency expense with the last household', () => {
    const emergency = caseOpened({ household: householdOf(200_000), emergencyExpenseFen: 2_400_000 });
    const [event] = given(caseDecider, emergency, caseClosed()).when(reopen()).events();
    expect(event?.data).toMatchObject({
      tier: 'emergency',
      emergencyExpenseFen: 2_400_000,
      nextReviewDue: '2025-04-08',
    });
  });

  it('needs a reason, and only reopens a closed case', () => {
    given(caseDecider, caseOpened(), caseClosed())
      .when(reopen({ reason: '' }))
      .thenFails({ code: 'VALIDATION_FAILED', fields: ['reason'] });
    given(caseDecider, caseOpened()).when(reopen()).thenFails('RULE_VIOLATION');
    given(caseDecider).when(reopen()).thenFails('NOT_FOUND');
  });

  it('opens the case again for further work', () => {
    const reopened = given(caseDecider, caseOpened(), caseClosed()).when(reopen()).events();
    const events = given(caseDecider, caseOpened(), caseClosed(), ...reopened)
      .when({
        type: 'ReassessCase',
        ...on('2024-11-01'),
        household: householdOf(160_000, 2),
        policy: DEFAULT_POLICY,
      })
      .events();
    expect(events.map((e) => e.type)).toEqual(['HardshipCaseReassessed']);
  });
});
