import { BP_ONE, sumFen, type Fen } from '@union/kernel';
import type { ClaimRow } from './claim-row.projection';
import type { MembershipRow } from './membership-row.projection';

/** The fund report of a period (DOMAIN.md §3 "Fund report"). */
export interface FundReport {
  readonly periodId: string;
  readonly membersPaid: number;
  /** Members whose contribution the union fund paid (兜底). */
  readonly membersWaived: number;
  /** Contributions collected from paying members. */
  readonly contributionsFen: Fen;
  /** Paid claims (人次). */
  readonly claimsPaid: number;
  readonly payoutsFen: Fen;
  readonly seriousIllnessAidFen: Fen;
  /** floor((payouts + aid) * 10000 / contributions); null while nothing was collected. */
  readonly usageRateBp: number | null;
  /** True when the period spent more than it collected (usage above 10000 bp). */
  readonly deficit: boolean;
  /** Paid claims by the month of their `paidOn` (`YYYY-MM`), oldest first; months without one left out. */
  readonly payoutsByMonth: readonly MonthlyPayouts[];
}

/** The claims paid in one calendar month and their payouts. */
export interface MonthlyPayouts {
  readonly month: string;
  readonly claimsPaid: number;
  readonly payoutsFen: Fen;
}

// Pairwise, not sumFen(...spread): a period has hundreds of thousands of members, too many arguments.
const total = (amounts: readonly Fen[]): Fen => amounts.reduce((sum, a) => sumFen(sum, a), 0);

/**
 * Computes the fund report from the period's membership and claim rows (rows of other periods
 * are ignored). Integer arithmetic only: the usage rate is computed in BigInt.
 */
export function fundReport(
  period: { readonly periodId: string },
  memberships: readonly MembershipRow[],
  claims: readonly ClaimRow[],
): FundReport {
  const { periodId } = period;
  const members = memberships.filter((m) => m.periodId === periodId);
  const paid = claims.filter((c) => c.periodId === periodId && c.status === 'paid');
  const contributionsFen = total(members.map((m) => m.contributionFen));
  const payoutsFen = total(paid.map((c) => c.quote.payoutFen));
  const seriousIllnessAidFen = total(members.map((m) => m.totals.seriousIllnessAidFen));
  const usageRateBp =
    contributionsFen === 0
      ? null
      : Number(
          (BigInt(sumFen(payoutsFen, seriousIllnessAidFen)) * BigInt(BP_ONE)) / BigInt(contributionsFen),
        );
  return {
    periodId,
    membersPaid: members.filter((m) => !m.waived).length,
    membersWaived: members.filter((m) => m.waived).length,
    contributionsFen,
    claimsPaid: paid.length,
    payoutsFen,
    seriousIllnessAidFen,
    usageRateBp,
    deficit: usageRateBp !== null && usageRateBp > BP_ONE,
    payoutsByMonth: byMonth(paid),
  };
}

function byMonth(paid: readonly ClaimRow[]): MonthlyPayouts[] {
  const months = new Map<string, MonthlyPayouts>();
  for (const c of paid) {
    const month = (c.paidOn ?? '').slice(0, 7);
    const known = months.get(month) ?? { month, claimsPaid: 0, payoutsFen: 0 };
    months.set(month, {
      month,
      claimsPaid: known.claimsPaid + 1,
      payoutsFen: sumFen(known.payoutsFen, c.quote.payoutFen),
    });
  }
  return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
}
