import type { HardshipIntegrationEvent, HardshipTier } from './hardship-cases.events';

/**
 * What other programmes know of a person's hardship case, as learned from `hardship.cases.v1`:
 * the one canonical reading of that contract, used by every consumer (grants, medical aid).
 */
export interface HardshipEligibility {
  personRef: string;
  caseId: string;
  open: boolean;
  tier: HardshipTier;
}

/** The eligibility after one hardship event. Deterministic: the same event twice gives the same row. */
export function evolveEligibility(
  current: HardshipEligibility | null,
  event: HardshipIntegrationEvent,
): HardshipEligibility | null {
  switch (event.type) {
    case 'HardshipCaseOpened':
      return {
        personRef: event.data.personRef,
        caseId: event.data.caseId,
        open: true,
        tier: event.data.tier,
      };
    case 'HardshipTierChanged':
      return current && current.caseId === event.data.caseId
        ? { ...current, tier: event.data.toTier }
        : current;
    case 'HardshipCaseClosed':
      return current && current.caseId === event.data.caseId ? { ...current, open: false } : current;
    case 'HardshipCaseReopened':
      return {
        personRef: event.data.personRef,
        caseId: event.data.caseId,
        open: true,
        tier: event.data.tier,
      };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/** True when the person holds an open case of one of `tiers` now. */
export const isEligible = (row: HardshipEligibility | null, tiers: readonly HardshipTier[]): boolean =>
  !!row && row.open && tiers.includes(row.tier);
