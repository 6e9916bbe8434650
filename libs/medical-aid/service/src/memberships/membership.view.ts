import type { ClaimRow, MembershipRow, Period } from '@union/medical-aid/domain';
import type { NameView } from '@union/runtime';

/** A claim as listed in a membership. */
export const claimSummaryOf = (c: ClaimRow) => ({
  claimId: c.claimId,
  status: c.status,
  hospital: c.hospital,
  admittedOn: c.admittedOn,
  dischargedOn: c.dischargedOn,
  outOfPocketFen: c.quote.outOfPocketFen,
  payoutFen: c.quote.payoutFen,
  paidOn: c.paidOn ?? undefined,
});

/**
 * API.md's membership: the member, their claims in the period and the yearly totals. The name as
 * `names` shows it (DOMAIN.md §5); `idNumber`, the full number, only on a read with a purpose.
 */
export function membershipView(
  row: MembershipRow,
  claims: readonly ClaimRow[],
  period: Period,
  names?: NameView,
  idNumber?: string,
) {
  const name = names ? names.name(row.unitId, row.member.name) : row.member.name;
  return {
    periodId: row.periodId,
    version: row.version,
    member: idNumber === undefined ? { ...row.member, name } : { ...row.member, name, idNumber },
    unitId: row.unitId,
    enrolledOn: row.enrolledOn,
    contributionFen: row.contributionFen,
    waived: row.waived,
    paymentRef: row.paymentRef,
    claims: claims.map(claimSummaryOf),
    capUsedFen: row.capUsedFen,
    capLeftFen: Math.max(0, period.rules.inpatient.annualCapFen - row.capUsedFen),
    totals: row.totals,
  };
}

export type MembershipView = ReturnType<typeof membershipView>;
