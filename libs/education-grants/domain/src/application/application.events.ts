import type { EducationLevel } from '@union/contracts';
import type { Consent, DomainEvent, Fen, IsoDate } from '@union/kernel';

/** Where an application stands (API.md "An application"). */
export type ApplicationStatus = 'submitted' | 'approved' | 'rejected' | 'disbursed' | 'withdrawn' | 'on_hold';

/** Every status, for reports that list them all. */
export const APPLICATION_STATUSES: readonly ApplicationStatus[] = [
  'submitted',
  'approved',
  'rejected',
  'disbursed',
  'withdrawn',
  'on_hold',
];

/** A status an application can be held from and returned to. */
export type HoldableStatus = 'submitted' | 'approved';

/**
 * Why an application is on hold: the parent's hardship case closed, or it stays open under a tier
 * the campaign does not accept.
 */
export type HoldReason = 'parent_case_closed' | 'parent_tier_not_eligible';

/**
 * A caseworker (or the system, for a recurring student) applied. Identity numbers appear only
 * masked; the person refs link the application to other programmes without them.
 */
export type GrantApplicationSubmitted = DomainEvent<
  'GrantApplicationSubmitted',
  {
    readonly applicationId: string;
    readonly campaignId: string;
    readonly parentPersonRef: string;
    readonly parentIdNumberMasked: string;
    readonly studentPersonRef: string;
    readonly studentIdNumberMasked: string;
    readonly studentName: string;
    readonly level: EducationLevel;
    readonly school: string;
    readonly unitId: string;
    readonly amountFen: Fen;
    /** Always false here: only an approval marks a student recurring. */
    readonly recurring: false;
    /** True when created for a recurring student as the campaign opened. */
    readonly auto: boolean;
    /**
     * The parent's signed authorisation (授权书, DOMAIN.md §5). Every stored submission has it;
     * only those stored before it was required (and a dry run's, never stored) lack it.
     */
    readonly consent?: Consent;
    readonly submittedBy: string;
    readonly submittedAt: string;
  }
>;

/** A reviewer approved; the grant is reserved in the campaign in the same transaction. */
export type GrantApplicationApproved = DomainEvent<
  'GrantApplicationApproved',
  { readonly applicationId: string; readonly by: string; readonly at: string; readonly recurring: boolean }
>;

/** A reviewer rejected, with a reason the caseworker can pass on. */
export type GrantApplicationRejected = DomainEvent<
  'GrantApplicationRejected',
  { readonly applicationId: string; readonly by: string; readonly at: string; readonly reason: string }
>;

/**
 * The grant was paid. It repeats the facts of the submission that other services need, so the
 * outbox relay maps it to the `GrantDisbursed` integration event without reading the stream.
 */
export type GrantDisbursed = DomainEvent<
  'GrantDisbursed',
  {
    readonly applicationId: string;
    readonly campaignId: string;
    readonly parentPersonRef: string;
    readonly studentPersonRef: string;
    readonly level: EducationLevel;
    readonly amountFen: Fen;
    readonly paymentRef: string;
    readonly paidOn: IsoDate;
    /** Paid after the campaign's `schoolStartOn`: allowed, but flagged for the report. */
    readonly late: boolean;
    readonly by: string;
    readonly at: string;
  }
>;

/** The caseworker withdrew the application before it was paid. */
export type GrantApplicationWithdrawn = DomainEvent<
  'GrantApplicationWithdrawn',
  { readonly applicationId: string; readonly reason: string; readonly by: string; readonly at: string }
>;

/** The parent lost eligibility; the application waits and cannot be paid. */
export type GrantApplicationPutOnHold = DomainEvent<
  'GrantApplicationPutOnHold',
  {
    readonly applicationId: string;
    readonly previousStatus: HoldableStatus;
    readonly reason: HoldReason;
    readonly caseId: string | null;
    readonly at: string;
  }
>;

/** The parent is eligible again; the application returns to where it was. */
export type GrantApplicationReleasedFromHold = DomainEvent<
  'GrantApplicationReleasedFromHold',
  { readonly applicationId: string; readonly restoredStatus: HoldableStatus; readonly at: string }
>;

/** Every event of an `application-<uuid>` stream. */
export type ApplicationEvent =
  | GrantApplicationSubmitted
  | GrantApplicationApproved
  | GrantApplicationRejected
  | GrantDisbursed
  | GrantApplicationWithdrawn
  | GrantApplicationPutOnHold
  | GrantApplicationReleasedFromHold;

/** The application as its decider sees it. */
export interface ApplicationState {
  readonly status: ApplicationStatus | 'none';
  /** The submission; null before `GrantApplicationSubmitted`. */
  readonly submitted: GrantApplicationSubmitted['data'] | null;
  readonly recurring: boolean;
  /** Where a held application returns to; null when not on hold. */
  readonly heldFrom: HoldableStatus | null;
}

/** The state of a stream with no events. */
export const initialApplicationState = (): ApplicationState => ({
  status: 'none',
  submitted: null,
  recurring: false,
  heldFrom: null,
});

/** The application after one event. Pure; never throws, so any stored history folds. */
export function evolveApplication(state: ApplicationState, event: ApplicationEvent): ApplicationState {
  switch (event.type) {
    case 'GrantApplicationSubmitted':
      return { ...state, status: 'submitted', submitted: event.data, recurring: false };
    case 'GrantApplicationApproved':
      return { ...state, status: 'approved', recurring: event.data.recurring };
    case 'GrantApplicationRejected':
      return { ...state, status: 'rejected' };
    case 'GrantDisbursed':
      return { ...state, status: 'disbursed' };
    case 'GrantApplicationWithdrawn':
      return { ...state, status: 'withdrawn', heldFrom: null };
    case 'GrantApplicationPutOnHold':
      return { ...state, status: 'on_hold', heldFrom: event.data.previousStatus };
    case 'GrantApplicationReleasedFromHold':
      return { ...state, status: event.data.restoredStatus, heldFrom: null };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/**
 * True when the application holds money in the campaign budget (approved, possibly on hold since):
 * a withdrawal must then release the reservation.
 */
export const holdsReservation = (state: ApplicationState): boolean =>
  state.status === 'approved' || (state.status === 'on_hold' && state.heldFrom === 'approved');
