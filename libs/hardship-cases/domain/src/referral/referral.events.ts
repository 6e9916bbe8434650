import type { DomainEvent, Fen } from '@union/kernel';
import type { ReferralAttached } from '../shared/referral-attached.event';

/** The stream of one referral. */
export const referralStreamId = (referralId: string): string => `referral-${referralId}`;

/** Where a referral stands: waiting in the inbox, or settled one of three ways. */
export type ReferralStatus = 'pending' | 'accepted' | 'attached' | 'dismissed';

/** Medical aid reported a hardship risk for a person (防止因病致困), from `HardshipRiskDetected`. */
export type ReferralReceived = DomainEvent<
  'ReferralReceived',
  {
    readonly referralId: string;
    readonly personRef: string;
    readonly unitId: string;
    readonly memberName: string;
    readonly remainingBurdenFen: Fen;
    readonly periodId: string;
    readonly claimIds: readonly string[];
    /** The integration event's id: a redelivery of it is recognised. */
    readonly sourceEventId: string;
    readonly receivedAt: string;
  }
>;

/** A caseworker opened a case from the referral. */
export type ReferralAccepted = DomainEvent<
  'ReferralAccepted',
  {
    readonly referralId: string;
    readonly caseId: string;
    readonly acceptedAt: string;
    readonly acceptedBy: string;
  }
>;

/** A caseworker decided the referral needs no case, and said why. */
export type ReferralDismissed = DomainEvent<
  'ReferralDismissed',
  { readonly referralId: string; readonly reason: string; readonly by: string; readonly dismissedAt: string }
>;

export type { ReferralAttached };

/** Every event of a `referral-<uuid>` stream. */
export type ReferralEvent = ReferralReceived | ReferralAccepted | ReferralAttached | ReferralDismissed;

/** A referral as its decider sees it. */
export interface ReferralState {
  readonly status: ReferralStatus | 'none';
  readonly referralId: string;
  readonly personRef: string;
  readonly sourceEventId: string;
  readonly caseId: string | null;
}

/** The state of a stream with no events. */
export const initialReferralState = (): ReferralState => ({
  status: 'none',
  referralId: '',
  personRef: '',
  sourceEventId: '',
  caseId: null,
});

/** The referral after one event. Pure and total. */
export function evolveReferral(state: ReferralState, event: ReferralEvent): ReferralState {
  switch (event.type) {
    case 'ReferralReceived': {
      const { referralId, personRef, sourceEventId } = event.data;
      return { ...state, status: 'pending', referralId, personRef, sourceEventId };
    }
    case 'ReferralAccepted':
      return { ...state, status: 'accepted', caseId: event.data.caseId };
    case 'ReferralAttached':
      return { ...state, status: 'attached', caseId: event.data.caseId };
    case 'ReferralDismissed':
      return { ...state, status: 'dismissed' };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
