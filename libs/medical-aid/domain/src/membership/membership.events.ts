import type { DomainEvent, Fen, IsoDate } from '@union/kernel';

/** A member was enrolled in a period (by their unit); `waived` when the union fund pays (兜底). */
export type MemberEnrolled = DomainEvent<
  'MemberEnrolled',
  {
    readonly periodId: string;
    readonly personRef: string;
    readonly idNumberMasked: string;
    readonly name: string;
    readonly unitId: string;
    readonly enrolledOn: IsoDate;
    readonly contributionFen: Fen;
    readonly waived: boolean;
    readonly paymentRef: string;
  }
>;

/** A claim took this member's admission (hospital + date), so no second claim can take it. */
export type ClaimAdmissionRegistered = DomainEvent<
  'ClaimAdmissionRegistered',
  { readonly claimId: string; readonly hospital: string; readonly admittedOn: IsoDate }
>;

/** A rejected claim gave its admission back, so a corrected claim can be submitted. */
export type ClaimAdmissionReleased = DomainEvent<
  'ClaimAdmissionReleased',
  { readonly claimId: string; readonly reason: string }
>;

/** An approved claim's payout was set against the member's annual cap. */
export type CapReserved = DomainEvent<'CapReserved', { readonly claimId: string; readonly payoutFen: Fen }>;

/** A claim was paid: its out-of-pocket cost and payout enter the member's yearly totals. */
export type ClaimPaymentRecorded = DomainEvent<
  'ClaimPaymentRecorded',
  { readonly claimId: string; readonly outOfPocketFen: Fen; readonly payoutFen: Fen }
>;

/** Serious-illness aid (大病救助) granted after a paid claim raised the yearly burden. */
export type SeriousIllnessAidGranted = DomainEvent<
  'SeriousIllnessAidGranted',
  {
    readonly periodId: string;
    readonly personRef: string;
    /** The paid claim whose burden made this grant due. */
    readonly claimId: string;
    /** Granted now: what is due minus what was granted before. */
    readonly amountFen: Fen;
    /** Granted in the period so far, this grant included. */
    readonly totalGrantedFen: Fen;
    /** The yearly burden the grant was computed from. */
    readonly burdenFen: Fen;
    readonly policyVersion: string;
  }
>;

/** The burden left to the member passed the hardship-risk threshold (reported once per period). */
export type HardshipRiskDetected = DomainEvent<
  'HardshipRiskDetected',
  {
    readonly periodId: string;
    readonly personRef: string;
    readonly unitId: string;
    readonly memberName: string;
    readonly burdenFen: Fen;
    /** Burden minus serious-illness aid granted. */
    readonly remainingBurdenFen: Fen;
    /** The member's paid claims of the period. */
    readonly claimIds: readonly string[];
    readonly policyVersion: string;
  }
>;

/** Every event of a `member-<periodId>-<personRef>` stream. */
export type MembershipEvent =
  | MemberEnrolled
  | ClaimAdmissionRegistered
  | ClaimAdmissionReleased
  | CapReserved
  | ClaimPaymentRecorded
  | SeriousIllnessAidGranted
  | HardshipRiskDetected;

/** An admission held by a claim. `hospital` as submitted (trimmed). */
export interface Admission {
  readonly claimId: string;
  readonly hospital: string;
  readonly admittedOn: IsoDate;
}

/** An approved claim's share of the annual cap. */
export interface Reservation {
  readonly payoutFen: Fen;
  readonly status: 'reserved' | 'paid';
}

/** One member in one period: the consistency boundary for admissions, cap and yearly burden. */
export interface MembershipState {
  readonly status: 'none' | 'enrolled';
  readonly member: MemberEnrolled['data'] | null;
  readonly admissions: readonly Admission[];
  readonly reservations: Readonly<Record<string, Reservation>>;
  /** Payouts of approved and paid claims: what the annual cap has used. */
  readonly capUsedFen: Fen;
  readonly paidClaimIds: readonly string[];
  /** Sums over paid claims. */
  readonly outOfPocketFen: Fen;
  readonly payoutsFen: Fen;
  /** Yearly burden: sum over paid claims of (out-of-pocket - payout). */
  readonly burdenFen: Fen;
  readonly seriousIllnessAidFen: Fen;
  readonly hardshipRiskReported: boolean;
}

/** The state of a stream with no events. */
export const initialMembershipState = (): MembershipState => ({
  status: 'none',
  member: null,
  admissions: [],
  reservations: {},
  capUsedFen: 0,
  paidClaimIds: [],
  outOfPocketFen: 0,
  payoutsFen: 0,
  burdenFen: 0,
  seriousIllnessAidFen: 0,
  hardshipRiskReported: false,
});

function recordPayment(state: MembershipState, data: ClaimPaymentRecorded['data']): MembershipState {
  const { claimId, outOfPocketFen, payoutFen } = data;
  const reservedFen = state.reservations[claimId]?.payoutFen ?? 0;
  return {
    ...state,
    reservations: { ...state.reservations, [claimId]: { payoutFen, status: 'paid' } },
    capUsedFen: state.capUsedFen - reservedFen + payoutFen,
    paidClaimIds: [...state.paidClaimIds, claimId],
    outOfPocketFen: state.outOfPocketFen + outOfPocketFen,
    payoutsFen: state.payoutsFen + payoutFen,
    burdenFen: state.burdenFen + (outOfPocketFen - payoutFen),
  };
}

/** The membership after one event. Pure; never throws, so any stored history folds. */
export function evolveMembership(state: MembershipState, event: MembershipEvent): MembershipState {
  switch (event.type) {
    case 'MemberEnrolled':
      return { ...state, status: 'enrolled', member: event.data };
    case 'ClaimAdmissionRegistered':
      return { ...state, admissions: [...state.admissions, event.data] };
    case 'ClaimAdmissionReleased':
      return { ...state, admissions: state.admissions.filter((a) => a.claimId !== event.data.claimId) };
    case 'CapReserved': {
      const { claimId, payoutFen } = event.data;
      const reservations = { ...state.reservations, [claimId]: { payoutFen, status: 'reserved' as const } };
      return { ...state, reservations, capUsedFen: state.capUsedFen + payoutFen };
    }
    case 'ClaimPaymentRecorded':
      return recordPayment(state, event.data);
    case 'SeriousIllnessAidGranted':
      return { ...state, seriousIllnessAidFen: event.data.totalGrantedFen };
    case 'HardshipRiskDetected':
      return { ...state, hardshipRiskReported: true };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
