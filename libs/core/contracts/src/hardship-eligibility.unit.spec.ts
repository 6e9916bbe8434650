import { evolveEligibility, isEligible, type HardshipEligibility } from './hardship-eligibility';
import type { HardshipIntegrationEvent } from './hardship-cases.events';

const opened: HardshipIntegrationEvent = {
  type: 'HardshipCaseOpened',
  version: 1,
  data: {
    personRef: 'p1',
    caseId: 'c1',
    unitId: 'u1',
    regionCode: '110105',
    tier: 'relative',
    openedOn: '2026-01-01',
  },
};
const fold = (events: HardshipIntegrationEvent[]) =>
  events.reduce<HardshipEligibility | null>((row, e) => evolveEligibility(row, e), null);

describe('hardship eligibility', () => {
  it('follows a case through opening, tier change, closing and reopening', () => {
    const changed: HardshipIntegrationEvent = {
      type: 'HardshipTierChanged',
      version: 1,
      data: { personRef: 'p1', caseId: 'c1', fromTier: 'relative', toTier: 'deep' },
    };
    const closed: HardshipIntegrationEvent = {
      type: 'HardshipCaseClosed',
      version: 1,
      data: { personRef: 'p1', caseId: 'c1', reason: 'moved_away' },
    };
    const reopened: HardshipIntegrationEvent = {
      type: 'HardshipCaseReopened',
      version: 1,
      data: { personRef: 'p1', caseId: 'c1', tier: 'emergency' },
    };
    expect(fold([opened])).toEqual({ personRef: 'p1', caseId: 'c1', open: true, tier: 'relative' });
    expect(fold([opened, changed])?.tier).toBe('deep');
    expect(isEligible(fold([opened, changed, closed]), ['deep', 'relative'])).toBe(false);
    expect(isEligible(fold([opened, changed, closed, reopened]), ['deep', 'relative'])).toBe(false);
    expect(isEligible(fold([opened, changed, closed, reopened]), ['emergency'])).toBe(true);
  });

  it('ignores events of another case and gives the same row when applied twice', () => {
    const otherClosed: HardshipIntegrationEvent = {
      type: 'HardshipCaseClosed',
      version: 1,
      data: { personRef: 'p1', caseId: 'c0', reason: 'duplicate' },
    };
    expect(fold([opened, otherClosed])?.open).toBe(true);
    expect(fold([opened, opened])).toEqual(fold([opened]));
  });
});
