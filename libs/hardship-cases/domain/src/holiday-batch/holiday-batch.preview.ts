import type { HardshipTier } from '@union/contracts';
import type { Fen } from '@union/kernel';
import type { AmountsByTier } from './holiday-batch.events';

/** Why a household of the target is left out of a batch. */
export type BatchExclusionReason = 'CASE_CLOSED' | 'YEARLY_CAP';

/** A case of the target (the node's subtree, a chosen tier) as the preview sees it. */
export interface BatchCandidate {
  readonly caseId: string;
  readonly unitId: string;
  readonly tier: HardshipTier;
  readonly status: 'open' | 'closed';
  /** Assistance counted toward the cap in the year of the batch's `paidOn`. */
  readonly usedInYearFen: Fen;
}

/** One household of the preview: included with its amount, or excluded with the reason. */
export interface BatchLine {
  readonly caseId: string;
  readonly unitId: string;
  readonly tier: HardshipTier;
  readonly amountFen: Fen;
  readonly status: 'included' | 'excluded';
  readonly reason?: BatchExclusionReason;
}

export interface BatchPreviewTotals {
  readonly includedCount: number;
  readonly totalFen: Fen;
  readonly excludedCount: number;
}

/**
 * The line of one candidate: a closed case is left out; so is one whose year's assistance plus
 * this amount would pass the yearly cap (reaching it exactly is allowed, as for any assistance).
 */
export function previewLine(candidate: BatchCandidate, amounts: AmountsByTier, capFen: Fen): BatchLine {
  const amountFen = amounts[candidate.tier] ?? 0;
  const { caseId, unitId, tier } = candidate;
  const line = { caseId, unitId, tier, amountFen };
  if (candidate.status !== 'open') return { ...line, status: 'excluded', reason: 'CASE_CLOSED' };
  if (candidate.usedInYearFen + amountFen > capFen)
    return { ...line, status: 'excluded', reason: 'YEARLY_CAP' };
  return { ...line, status: 'included' };
}

/** The totals of a preview's lines. */
export function previewTotals(lines: readonly BatchLine[]): BatchPreviewTotals {
  let includedCount = 0;
  let totalFen = 0;
  for (const line of lines) {
    if (line.status !== 'included') continue;
    includedCount += 1;
    totalFen += line.amountFen;
  }
  return { includedCount, totalFen, excludedCount: lines.length - includedCount };
}
