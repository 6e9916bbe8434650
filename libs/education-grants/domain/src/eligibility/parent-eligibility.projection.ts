import {
  evolveEligibility,
  isEligible,
  type HardshipEligibility,
  type HardshipIntegrationEvent,
  type HardshipTier,
} from '@union/contracts';
import type { PutApplicationOnHold, ReleaseApplicationFromHold } from '../application/application.commands';
import type { ApplicationStatus, HoldReason } from '../application/application.events';

/**
 * What the grants service knows of a parent's hardship case, one row per personRef, kept from
 * `hardship.cases.v1`. The shape is the shared reading of that contract.
 */
export type ParentEligibilityRow = HardshipEligibility;

/**
 * The row after one hardship event (null: nothing known). Delegates to the contract's canonical
 * reading, so grants and medical aid never disagree about who is eligible. Deterministic, and the
 * same event twice gives the same row.
 */
export const evolveParentEligibility = (
  row: ParentEligibilityRow | null,
  event: HardshipIntegrationEvent,
): ParentEligibilityRow | null => evolveEligibility(row, event);

/** What eligibility effects need of an application of the parent. */
export interface ApplicationUnderEligibility {
  readonly applicationId: string;
  readonly status: ApplicationStatus;
  /** The tiers its campaign accepts. */
  readonly eligibleTiers: readonly HardshipTier[];
}

/** A command the service issues on one application after a hardship event. */
export interface EligibilityEffect {
  readonly applicationId: string;
  readonly command: PutApplicationOnHold | ReleaseApplicationFromHold;
}

/** Why the parent is not eligible under `row`: no open case, or an open case of another tier. */
const holdReasonOf = (row: ParentEligibilityRow | null): HoldReason =>
  row !== null && row.open ? 'parent_tier_not_eligible' : 'parent_case_closed';

/**
 * The holds and releases a hardship event causes on the parent's applications.
 *
 * The rule is level-triggered: after the event, an application should be on hold exactly when the
 * parent no longer holds an open case of a tier its campaign accepts. So a closed case holds
 * submitted and approved applications; a reopening (or a new case) with an eligible tier releases
 * them. A tier change to a tier the campaign does not accept also holds them (DOMAIN.md is silent;
 * it applies the rule "eligible *now*" that submission checks, and it is reversible: a later
 * change back releases). Disbursed, rejected and withdrawn applications are never touched.
 * Re-running it on the same event gives the same effects, which the deciders then ignore.
 *
 * @param previous the parent's row before the event (null when unknown).
 * @param now the instant the service handles the event.
 */
export function eligibilityEffects(
  event: HardshipIntegrationEvent,
  applications: readonly ApplicationUnderEligibility[],
  previous: ParentEligibilityRow | null,
  now: string,
): EligibilityEffect[] {
  const row = evolveParentEligibility(previous, event);
  return applications.flatMap((application): EligibilityEffect[] => {
    const { applicationId, status } = application;
    const eligible = isEligible(row, application.eligibleTiers);
    if (!eligible && (status === 'submitted' || status === 'approved')) {
      const caseId = row?.caseId ?? event.data.caseId;
      return [
        { applicationId, command: { type: 'PutApplicationOnHold', reason: holdReasonOf(row), caseId, now } },
      ];
    }
    if (eligible && status === 'on_hold') {
      return [{ applicationId, command: { type: 'ReleaseApplicationFromHold', now } }];
    }
    return [];
  });
}
