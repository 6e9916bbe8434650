import { DEFAULT_POLICY } from '../policy/region-policy';
import { caseClosed, caseOpened, CASE_ID, householdOf, on, PERSON_REF } from '../testing/case.fixtures';
import { given } from '@union/kernel/testing';
import type { ReassessCase } from './case.commands';
import { caseDecider } from './case.decider';

const reassess = (overrides: Partial<ReassessCase> = {}): ReassessCase => ({
  type: 'ReassessCase',
  ...on('2024-09-10'),
  household: householdOf(160_000, 2),
  policy: DEFAULT_POLICY,
  ...overrides,
});

describe('ReassessCase', () => {
  it('records fresh figures and moves the next review 12 months after the reassessment', () => {
    given(caseDecider, caseOpened())
      .when(reassess({ causes: ['illness', 'unemployment'] }))
      .then([
        {
          type: 'HardshipCaseReassessed',
          data: {
            caseId: CASE_ID,
            household: { size: 2, monthlyIncomeFen: 160_000 },
            perCapitaIncomeFen: 80_000,
            causes: ['illness', 'unemployment'],
            computedTier: 'deep',
            tier: 'deep',
            policyVersion: 'default-1',
            nextReviewDue: '2025-09-10',
            reassessedOn: '2024-09-10',
            reassessedAt: '2024-09-10T02:00:00.000Z',
            reassessedBy: 'cw-1',
          },
        },
      ]);
  });

  it('records a changed tier', () => {
    const events = given(caseDecider, caseOpened())
      .when(reassess({ household: householdOf(100_000) }))
      .events();
    expect(events.map((e) => e.type)).toEqual(['HardshipCaseReassessed', 'HardshipTierChanged']);
    expect(events[1]).toEqual({
      type: 'HardshipTierChanged',
      data: {
        caseId: CASE_ID,
        personRef: PERSON_REF,
        fromTier: 'deep',
        toTier: 'relative',
        changedOn: '2024-09-10',
      },
    });
  });

  it('reviews an emergency again after 6 months', () => {
    const [reassessed] = given(caseDecider, caseOpened())
      .when(reassess({ household: householdOf(200_000), emergencyExpenseFen: 2_400_000 }))
      .events();
    expect(reassessed?.data).toMatchObject({ tier: 'emergency', nextReviewDue: '2025-03-10' });
  });

  it('closes the case as out of hardship when the household is above every line', () => {
    const events = given(caseDecider, caseOpened())
      .when(reassess({ household: householdOf(135_001) }))
      .events();
    expect(events).toEqual([
      {
        type: 'HardshipCaseReassessed',
        data: expect.objectContaining({ computedTier: null, tier: 'deep', nextReviewDue: null }),
      },
      {
        type: 'HardshipCaseClosed',
        data: {
          caseId: CASE_ID,
          personRef: PERSON_REF,
          reason: 'out_of_hardship',
          note: expect.stringContaining('1350.00 yuan (135000 fen)'),
          closedOn: '2024-09-10',
          closedAt: '2024-09-10T02:00:00.000Z',
          closedBy: 'cw-1',
        },
      },
    ]);
  });

  it('does not carry an old emergency expense over: fresh figures only', () => {
    const emergency = caseOpened({ household: householdOf(200_000), emergencyExpenseFen: 2_400_000 });
    const events = given(caseDecider, emergency)
      .when(reassess({ household: householdOf(200_000) }))
      .events();
    expect(events.map((e) => e.type)).toEqual(['HardshipCaseReassessed', 'HardshipCaseClosed']);
  });

  it('is refused on a closed case and on a missing one', () => {
    given(caseDecider, caseOpened(), caseClosed()).when(reassess()).thenFails('RULE_VIOLATION');
    given(caseDecider).when(reassess()).thenFails('NOT_FOUND');
  });
});
