import type { ClaimRow } from '@union/medical-aid/domain';

/** API.md's claim, plus who decided and paid it (never the personRef or the identity number). */
export function claimView(row: ClaimRow) {
  return {
    claimId: row.claimId,
    version: row.version,
    periodId: row.periodId,
    status: row.status,
    member: row.member,
    unitId: row.unitId,
    hospital: row.hospital,
    admittedOn: row.admittedOn,
    dischargedOn: row.dischargedOn,
    diagnosisCode: row.diagnosisCode,
    bill: row.bill,
    quote: row.quote,
    submittedBy: row.submittedBy,
    submittedAt: row.submittedAt,
    decidedBy: row.decidedBy ?? undefined,
    decidedAt: row.decidedAt ?? undefined,
    decisionReason: row.decisionReason ?? undefined,
    eligibleLoweredFromFen: row.eligibleLoweredFromFen ?? undefined,
    paymentRef: row.paymentRef ?? undefined,
    paidOn: row.paidOn ?? undefined,
  };
}

export type ClaimView = ReturnType<typeof claimView>;

/**
 * `POST /claims?dryRun=true` (docs/api-changes.md): the claim the request would record (its
 * `claimId` is never stored), with its quote, and what was left of the member's annual cap
 * before it (`capLeftFen`), which the quote's `capAppliedFen` was cut against.
 */
export type ClaimPreview = ClaimView & { dryRun: true; capLeftFen: number };
