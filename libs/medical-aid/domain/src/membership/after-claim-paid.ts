import { applyBands } from '@union/kernel';
import type { PeriodRules } from '../period/period.events';
import type { HardshipRiskDetected, MembershipState, SeriousIllnessAidGranted } from './membership.events';

/** What {@link afterClaimPaid} may decide. */
export type AfterClaimPaidEvent = SeriousIllnessAidGranted | HardshipRiskDetected;

/**
 * What DOMAIN.md §3 "After each paid claim" decides, given the membership with the payment
 * already folded in:
 * - serious-illness aid due = min(capFen, bands over max(0, burden - thresholdFen)); the part not
 *   yet granted is granted now;
 * - when burden - aid granted >= the hardship-risk threshold and no risk was reported in the
 *   period, the risk is reported (once per period).
 * Pure; returns no event when nothing is due.
 */
export function afterClaimPaid(
  state: MembershipState,
  rules: Pick<PeriodRules, 'seriousIllness' | 'hardshipRisk'>,
  policyVersion: string,
): AfterClaimPaidEvent[] {
  const member = state.member;
  const claimId = state.paidClaimIds[state.paidClaimIds.length - 1];
  if (member === null || claimId === undefined) return [];
  const events: AfterClaimPaidEvent[] = [];
  const { seriousIllness, hardshipRisk } = rules;
  const above = Math.max(0, state.burdenFen - seriousIllness.thresholdFen);
  const dueFen = Math.min(seriousIllness.capFen, applyBands(above, seriousIllness.bands).totalFen);
  const grantFen = dueFen - state.seriousIllnessAidFen;
  const grantedFen = grantFen > 0 ? dueFen : state.seriousIllnessAidFen;
  const base = { periodId: member.periodId, personRef: member.personRef, policyVersion };
  if (grantFen > 0) {
    events.push({
      type: 'SeriousIllnessAidGranted',
      data: { ...base, claimId, amountFen: grantFen, totalGrantedFen: dueFen, burdenFen: state.burdenFen },
    });
  }
  const remainingFen = state.burdenFen - grantedFen;
  if (!state.hardshipRiskReported && remainingFen >= hardshipRisk.thresholdFen) {
    events.push({
      type: 'HardshipRiskDetected',
      data: {
        ...base,
        unitId: member.unitId,
        memberName: member.name,
        burdenFen: state.burdenFen,
        remainingBurdenFen: remainingFen,
        claimIds: [...state.paidClaimIds],
      },
    });
  }
  return events;
}
