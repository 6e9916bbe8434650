import { caseDecider } from '../case/case.decider';
import type { CaseEvent } from '../case/case.events';
import { caseOpened, CASE_ID, householdOf, on, PERSON_REF } from '../testing/case.fixtures';
import { given } from '@union/kernel/testing';
import { DEFAULT_POLICY } from '../policy/region-policy';
import { toIntegrationEvent } from './to-integration-event';

describe('toIntegrationEvent', () => {
  const opened = caseOpened();
  const today = on('2024-09-01');
  const reassessedTo = (monthlyIncomeFen: number) =>
    given(caseDecider, opened)
      .when({
        type: 'ReassessCase',
        ...today,
        household: householdOf(monthlyIncomeFen),
        policy: DEFAULT_POLICY,
      })
      .events();

  it('publishes an opening with what other programmes need: no household figures, no consent', () => {
    expect(toIntegrationEvent(opened)).toEqual({
      type: 'HardshipCaseOpened',
      version: 1,
      data: {
        personRef: PERSON_REF,
        caseId: CASE_ID,
        unitId: 'unit-1',
        regionCode: '630102',
        tier: 'deep',
        openedOn: '2024-03-01',
      },
    });
  });

  it('publishes a tier change and keeps the reassessment itself inside', () => {
    const [reassessed, changed] = reassessedTo(100_000) as [CaseEvent, CaseEvent];
    expect(toIntegrationEvent(reassessed)).toBeNull();
    expect(toIntegrationEvent(changed)).toEqual({
      type: 'HardshipTierChanged',
      version: 1,
      data: { personRef: PERSON_REF, caseId: CASE_ID, fromTier: 'deep', toTier: 'relative' },
    });
  });

  it('publishes closing and reopening', () => {
    const [, closed] = reassessedTo(500_000) as [CaseEvent, CaseEvent];
    expect(toIntegrationEvent(closed)).toEqual({
      type: 'HardshipCaseClosed',
      version: 1,
      data: { personRef: PERSON_REF, caseId: CASE_ID, reason: 'out_of_hardship' },
    });
    const [reopened] = given(caseDecider, opened, closed)
      .when({
        type: 'ReopenCase',
        ...today,
        reason: 'Lost job',
        household: householdOf(50_000),
        policy: DEFAULT_POLICY,
      })
      .events() as [CaseEvent];
    expect(toIntegrationEvent(reopened)).toEqual({
      type: 'HardshipCaseReopened',
      version: 1,
      data: { personRef: PERSON_REF, caseId: CASE_ID, tier: 'deep' },
    });
  });

  it('keeps visits, assistance and external payments inside the service', () => {
    const visit = given(caseDecider, opened)
      .when({
        type: 'RecordVisit',
        ...today,
        visitId: 'v',
        visitedOn: '2024-09-01',
        visitor: 'Li',
        findings: 'ok',
      })
      .events();
    expect(visit.map(toIntegrationEvent)).toEqual([null]);
  });
});
