import type { ApplicationRow } from '@union/education-grants/domain';
import type { NameView } from '@union/runtime';

/** The full numbers a read with a stated purpose reveals (null: not kept, or erased). */
export interface RevealedNumbers {
  readonly parent: string | null;
  readonly student: string | null;
}

/**
 * API.md's application; identity numbers masked, person refs stay inside the service. The
 * student's name as `names` shows it (DOMAIN.md §5; as stored when absent: a command's answer,
 * whose caller acts for the unit); the full numbers (`idNumber`) only on a read with a purpose.
 */
export function applicationView(row: ApplicationRow, version: number, names?: NameView, numbers?: RevealedNumbers) {
  const student = { ...row.student, name: names ? names.name(row.unitId, row.student.name) : row.student.name };
  return {
    applicationId: row.applicationId,
    version,
    campaignId: row.campaignId,
    status: row.status,
    parent: numbers
      ? { idNumberMasked: row.parent.idNumberMasked, idNumber: numbers.parent }
      : { idNumberMasked: row.parent.idNumberMasked },
    student: numbers ? { ...student, idNumber: numbers.student } : student,
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
