import type { EducationLevel } from '@union/contracts';
import type { Consent, Fen, IsoDate } from '@union/kernel';
import type { RecurringSource } from '../application/recurring-applications';
import type {
  ApplicationEvent,
  ApplicationStatus,
  HoldableStatus,
  HoldReason,
} from '../application/application.events';

/**
 * An application as API.md shows it, plus what lists, the person view and the eligibility
 * consumer need (person refs, timestamps, reasons). Absent values are null, never undefined, so
 * a row read back from the database equals the one projected live.
 */
export interface ApplicationRow {
  readonly applicationId: string;
  readonly version: number;
  readonly campaignId: string;
  readonly status: ApplicationStatus;
  readonly parent: { readonly idNumberMasked: string };
  readonly student: {
    readonly idNumberMasked: string;
    readonly name: string;
    readonly level: EducationLevel;
    readonly school: string;
  };
  readonly unitId: string;
  readonly amountFen: Fen;
  readonly recurring: boolean;
  readonly auto: boolean;
  /** Set when disbursed: paid after the campaign's school start. */
  readonly late: boolean | null;
  readonly submittedBy: string;
  readonly submittedAt: string;
  /** The reviewer who approved or rejected. */
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly rejectionReason: string | null;
  readonly withdrawalReason: string | null;
  readonly paymentRef: string | null;
  readonly paidOn: IsoDate | null;
  readonly holdReason: HoldReason | null;
  readonly heldFrom: HoldableStatus | null;
  readonly parentPersonRef: string;
  readonly studentPersonRef: string;
  /**
   * The parent's signed authorisation (授权书); null for an application submitted before it was
   * required. Optional because rows projected before it existed lack the member.
   */
  readonly consent?: Consent | null;
}

function apply(row: ApplicationRow | null, event: ApplicationEvent): ApplicationRow | null {
  if (event.type === 'GrantApplicationSubmitted') {
    const d = event.data;
    return {
      applicationId: d.applicationId,
      version: 0,
      campaignId: d.campaignId,
      status: 'submitted',
      parent: { idNumberMasked: d.parentIdNumberMasked },
      student: {
        idNumberMasked: d.studentIdNumberMasked,
        name: d.studentName,
        level: d.level,
        school: d.school,
      },
      unitId: d.unitId,
      amountFen: d.amountFen,
      recurring: d.recurring,
      auto: d.auto,
      late: null,
      submittedBy: d.submittedBy,
      submittedAt: d.submittedAt,
      ...{ decidedBy: null, decidedAt: null, rejectionReason: null, withdrawalReason: null },
      ...{ paymentRef: null, paidOn: null, holdReason: null, heldFrom: null },
      parentPersonRef: d.parentPersonRef,
      studentPersonRef: d.studentPersonRef,
      consent: d.consent ?? null,
    };
  }
  if (row === null) return null;
  switch (event.type) {
    case 'GrantApplicationApproved': {
      const { by, at, recurring } = event.data;
      return { ...row, status: 'approved', decidedBy: by, decidedAt: at, recurring };
    }
    case 'GrantApplicationRejected': {
      const { by, at, reason } = event.data;
      return { ...row, status: 'rejected', decidedBy: by, decidedAt: at, rejectionReason: reason };
    }
    case 'GrantDisbursed': {
      const { paymentRef, paidOn, late } = event.data;
      return { ...row, status: 'disbursed', paymentRef, paidOn, late };
    }
    case 'GrantApplicationWithdrawn':
      return {
        ...row,
        status: 'withdrawn',
        withdrawalReason: event.data.reason,
        holdReason: null,
        heldFrom: null,
      };
    case 'GrantApplicationPutOnHold': {
      const { reason, previousStatus } = event.data;
      return { ...row, status: 'on_hold', holdReason: reason, heldFrom: previousStatus };
    }
    case 'GrantApplicationReleasedFromHold':
      return { ...row, status: event.data.restoredStatus, holdReason: null, heldFrom: null };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/**
 * The application row after the event at stream `version`. Idempotent: an event the row already
 * reflects returns the row unchanged.
 */
export function evolveApplicationRow(
  row: ApplicationRow | null,
  event: ApplicationEvent,
  version: number,
): ApplicationRow | null {
  if (row !== null && version <= row.version) return row;
  const next = apply(row, event);
  return next === null ? null : { ...next, version };
}

/** A live application is one not rejected and not withdrawn: it blocks a second one for the student. */
export const isLive = (row: Pick<ApplicationRow, 'status'>): boolean =>
  row.status !== 'rejected' && row.status !== 'withdrawn';

/** The row in the flat shape recurring-student generation reads. */
export const applicationRowToRecurringSource = (row: ApplicationRow): RecurringSource => ({
  campaignId: row.campaignId,
  status: row.status,
  heldFrom: row.heldFrom,
  recurring: row.recurring,
  submittedAt: row.submittedAt,
  parentPersonRef: row.parentPersonRef,
  parentIdNumberMasked: row.parent.idNumberMasked,
  studentPersonRef: row.studentPersonRef,
  studentIdNumberMasked: row.student.idNumberMasked,
  studentName: row.student.name,
  level: row.student.level,
  school: row.student.school,
  unitId: row.unitId,
  consent: row.consent ?? null,
});
