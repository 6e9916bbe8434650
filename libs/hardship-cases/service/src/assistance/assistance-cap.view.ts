import type { CaseSummaryRow } from '@union/hardship-cases/domain';
import type { HardshipSettings } from '../hardship.settings';

/**
 * A case's assistance in one calendar year against the yearly cap, as the cap counts it
 * (disbursed or awaiting approval; rejected requests do not count), with the approval threshold
 * and the limits' version: what the case file and the reviewer's list show, computed here so no
 * client does the arithmetic.
 */
export function capView(row: CaseSummaryRow, year: number, settings: HardshipSettings) {
  const { approvalThresholdFen, annualAssistanceCapFen: capFen } = settings.limits;
  const usedFen = row.assistanceByYearFen[String(year)] ?? 0;
  return {
    year,
    usedFen,
    capFen,
    remainingFen: capFen - usedFen,
    approvalThresholdFen,
    policyVersion: settings.limitsVersion,
  };
}

export type CapView = ReturnType<typeof capView>;
