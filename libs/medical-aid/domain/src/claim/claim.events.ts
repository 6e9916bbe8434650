import type { BandPart, DomainEvent, Fen, IsoDate } from '@union/kernel';

/** A hospital bill and what basic insurance and the other schemes already paid of it. */
export interface Bill {
  readonly totalFen: Fen;
  readonly basicInsurancePaidFen: Fen;
  readonly seriousIllnessInsurancePaidFen: Fen;
  readonly medicalAssistancePaidFen: Fen;
  readonly employerPaidFen: Fen;
  readonly otherPaidFen: Fen;
}

/** The computed payout of a claim, with each band's part, the cap applied and the policy used. */
export interface Quote {
  /** total - the paid parts of the bill. */
  readonly outOfPocketFen: Fen;
  /** The period's deductible per admission (起付线). */
  readonly deductibleFen: Fen;
  /** max(0, out-of-pocket - deductible), or the lower amount a reviewer approved. */
  readonly eligibleFen: Fen;
  readonly bands: readonly BandPart[];
  /** How much the annual cap cut from the banded amount. */
  readonly capAppliedFen: Fen;
  /** Banded amount minus capAppliedFen. */
  readonly payoutFen: Fen;
  readonly policyVersion: string;
}

/** A caseworker submitted a claim for a hospital stay; quoted against the cap left then. */
export type ClaimSubmitted = DomainEvent<
  'ClaimSubmitted',
  {
    readonly claimId: string;
    readonly periodId: string;
    readonly personRef: string;
    readonly memberName: string;
    readonly idNumberMasked: string;
    readonly unitId: string;
    readonly hospital: string;
    readonly admittedOn: IsoDate;
    readonly dischargedOn: IsoDate;
    readonly diagnosisCode: string;
    readonly bill: Bill;
    readonly quote: Quote;
    readonly submittedBy: string;
    readonly submittedAt: string;
  }
>;

/** A reviewer approved the claim; the quote was computed again against the cap left then. */
export type ClaimApproved = DomainEvent<
  'ClaimApproved',
  {
    readonly claimId: string;
    readonly quote: Quote;
    /** The computed eligible amount when the reviewer lowered it, else null. */
    readonly eligibleLoweredFromFen: Fen | null;
    /** Why the eligible amount was lowered (required then), or the reviewer's note; null if none. */
    readonly reason: string | null;
    readonly approvedBy: string;
    readonly approvedAt: string;
  }
>;

/** A reviewer rejected the claim. */
export type ClaimRejected = DomainEvent<
  'ClaimRejected',
  {
    readonly claimId: string;
    readonly reason: string;
    readonly rejectedBy: string;
    readonly rejectedAt: string;
  }
>;

/**
 * The approved payout was paid. Carries the member, period and amounts again so the relay maps it
 * to the integration event without reading the stream.
 */
export type ClaimPaid = DomainEvent<
  'ClaimPaid',
  {
    readonly claimId: string;
    readonly periodId: string;
    readonly personRef: string;
    readonly unitId: string;
    readonly outOfPocketFen: Fen;
    readonly payoutFen: Fen;
    readonly paymentRef: string;
    readonly paidOn: IsoDate;
    readonly paidBy: string;
    readonly paidAt: string;
  }
>;

/** Every event of a `claim-<uuid>` stream. */
export type ClaimEvent = ClaimSubmitted | ClaimApproved | ClaimRejected | ClaimPaid;

/** Where a claim is in its life. */
export type ClaimStatus = 'submitted' | 'approved' | 'rejected' | 'paid';

/** The claim as its decider sees it. */
export interface ClaimState {
  readonly status: 'none' | ClaimStatus;
  readonly claim: ClaimSubmitted['data'] | null;
  /** The quote in force: the submission's, replaced by the approval's. */
  readonly quote: Quote | null;
}

/** The state of a stream with no events. */
export const initialClaimState = (): ClaimState => ({ status: 'none', claim: null, quote: null });

/** The claim after one event. Pure; never throws. */
export function evolveClaim(state: ClaimState, event: ClaimEvent): ClaimState {
  switch (event.type) {
    case 'ClaimSubmitted':
      return { status: 'submitted', claim: event.data, quote: event.data.quote };
    case 'ClaimApproved':
      return { ...state, status: 'approved', quote: event.data.quote };
    case 'ClaimRejected':
      return { ...state, status: 'rejected' };
    case 'ClaimPaid':
      return { ...state, status: 'paid' };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/** The stream of a claim: `claim-<uuid>`. */
export const claimStreamId = (claimId: string): string => `claim-${claimId}`;
