import type { ApplicationRow } from '@union/education-grants/domain';

/** API.md's application; identity numbers only masked, person refs stay inside the service. */
export function applicationView(row: ApplicationRow, version: number) {
  return {
    applicationId: row.applicationId,
    version,
    campaignId: row.campaignId,
    status: row.status,
    parent: { idNumberMasked: row.parent.idNumberMasked },
    student: { ...row.student },
    unitId: row.unitId,
    amountFen: row.amountFen,
    recurring: row.recurring,
    auto: row.auto,
    late: row.late ?? undefined,
    submittedBy: row.submittedBy,
    submittedAt: row.submittedAt,
    decidedBy: row.decidedBy ?? undefined,
    decidedAt: row.decidedAt ?? undefined,
    rejectionReason: row.rejectionReason ?? undefined,
    withdrawalReason: row.withdrawalReason ?? undefined,
    paymentRef: row.paymentRef ?? undefined,
    paidOn: row.paidOn ?? undefined,
    holdReason: row.holdReason ?? undefined,
    heldFrom: row.heldFrom ?? undefined,
    /** The parent's signed authorisation (授权书); null for an application submitted before it was required. */
    consent: row.consent ?? null,
  };
}

export type ApplicationView = ReturnType<typeof applicationView>;
