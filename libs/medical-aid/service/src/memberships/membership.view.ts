import type { ClaimRow, MembershipRow, Period } from '@union/medical-aid/domain';

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

/** API.md's membership: the member, their claims in the period and the yearly totals. */
export function membershipView(row: MembershipRow, claims: readonly ClaimRow[], period: Period) {
  return {
    periodId: row.periodId,
    version: row.version,
    member: row.member,
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
