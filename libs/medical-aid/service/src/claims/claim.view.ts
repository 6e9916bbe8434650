import type { ClaimRow } from '@union/medical-aid/domain';
import type { NameView } from '@union/runtime';

/**
 * What of the member a claim's answer shows (DOMAIN.md §5): the name as `names` shows it (as
 * stored when absent: a command's answer, whose caller acts for the unit), the diagnosis only on
 * a read with a stated purpose, and the full identity number (`member.idNumber`) likewise.
 */
export interface ClaimShown {
  readonly names?: NameView;
  readonly diagnosis?: boolean;
  /** The full number on a purpose read: null when it was not kept or was erased. */
  readonly idNumber?: string | null;
}

/**
 * API.md's claim, plus who decided and paid it (never the personRef). `diagnosisCode` is null
 * unless shown: a diagnosis is revealed only with a stated purpose (docs/api-changes.md).
 */
export function claimView(row: ClaimRow, shown: ClaimShown = {}) {
  const name = shown.names ? shown.names.name(row.unitId, row.member.name) : row.member.name;
  return {
    claimId: row.claimId,
    version: row.version,
    periodId: row.periodId,
    status: row.status,
    member:
      shown.idNumber === undefined ? { ...row.member, name } : { ...row.member, name, idNumber: shown.idNumber },
    unitId: row.unitId,
    hospital: row.hospital,
    admittedOn: row.admittedOn,
    dischargedOn: row.dischargedOn,
    diagnosisCode: shown.diagnosis ? row.diagnosisCode : null,
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
