import type { HardshipTier } from '@union/contracts';
import type { Consent, DomainEvent, Fen, IsoDate } from '@union/kernel';
import type {
  CloseReason,
  ExternalAssistanceType,
  ExternalSource,
  HardshipCause,
  Household,
  IntakeChannel,
  Pairing,
} from '../shared/hardship-vocabulary';
import type { ReferralAttached } from '../shared/referral-attached.event';
import type {
  AssistanceApproved,
  AssistanceDecision,
  AssistanceRecorded,
  AssistanceRejected,
} from './assistance.events';

/** The stream of one case file. */
export const caseStreamId = (caseId: string): string => `case-${caseId}`;

/** A tier decision: both tiers are kept, so an override stays visible next to what the rules said. */
export interface TierDecision {
  readonly household: Household;
  readonly perCapitaIncomeFen: Fen;
  readonly emergencyExpenseFen?: Fen;
  /** What the rules gave; null when they refuse and a caseworker overrode them. */
  readonly computedTier: HardshipTier | null;
  readonly tier: HardshipTier;
  readonly overrideReason?: string;
  readonly policyVersion: string;
  readonly nextReviewDue: IsoDate;
}

/** A case file was opened (建档). `personRef` is on the events other services learn of. */
export type HardshipCaseOpened = DomainEvent<
  'HardshipCaseOpened',
  TierDecision & {
    readonly caseId: string;
    readonly personRef: string;
    readonly idNumberMasked: string;
    readonly name: string;
    readonly phone?: string;
    readonly unitId: string;
    readonly regionCode: string;
    readonly causes: readonly HardshipCause[];
    readonly channel: IntakeChannel;
    readonly referralId?: string;
    /**
     * The worker's signed authorisation (授权书, DOMAIN.md §5). Every stored opening has it; only
     * the events of cases opened before it was required (and a dry run's, never stored) lack it.
     */
    readonly consent?: Consent;
    readonly openedOn: IsoDate;
    readonly openedAt: string;
    readonly openedBy: string;
  }
>;

/**
 * A periodic review took fresh figures. When they are above every line `computedTier` is null,
 * `tier` stays what it was, `nextReviewDue` is null and a `HardshipCaseClosed` follows.
 */
export type HardshipCaseReassessed = DomainEvent<
  'HardshipCaseReassessed',
  Omit<TierDecision, 'tier' | 'nextReviewDue' | 'overrideReason'> & {
    readonly caseId: string;
    readonly causes: readonly HardshipCause[];
    readonly tier: HardshipTier;
    readonly nextReviewDue: IsoDate | null;
    readonly reassessedOn: IsoDate;
    readonly reassessedAt: string;
    readonly reassessedBy: string;
  }
>;

/** A reassessment moved the case to another tier. */
export type HardshipTierChanged = DomainEvent<
  'HardshipTierChanged',
  {
    readonly caseId: string;
    readonly personRef: string;
    readonly fromTier: HardshipTier;
    readonly toTier: HardshipTier;
    readonly changedOn: IsoDate;
  }
>;

/** A home visit took place. */
export type HomeVisitRecorded = DomainEvent<
  'HomeVisitRecorded',
  {
    readonly caseId: string;
    readonly visitId: string;
    readonly visitedOn: IsoDate;
    readonly visitor: string;
    readonly findings: string;
    readonly recordedBy: string;
    readonly recordedAt: string;
  }
>;

/** A helper was paired with the household; `previous` is the pairing this one ended. */
export type PairingAssigned = DomainEvent<
  'PairingAssigned',
  Pairing & { readonly caseId: string; readonly assignedBy: string; readonly previous: Pairing | null }
>;

/** The case file was closed (解困脱困 or otherwise). */
export type HardshipCaseClosed = DomainEvent<
  'HardshipCaseClosed',
  {
    readonly caseId: string;
    readonly personRef: string;
    readonly reason: CloseReason;
    readonly note?: string;
    readonly closedOn: IsoDate;
    readonly closedAt: string;
    readonly closedBy: string;
  }
>;

/** A closed case file was reopened, its tier computed again under the policy in force. */
export type HardshipCaseReopened = DomainEvent<
  'HardshipCaseReopened',
  TierDecision & {
    readonly caseId: string;
    readonly personRef: string;
    readonly reason: string;
    readonly causes: readonly HardshipCause[];
    readonly reopenedOn: IsoDate;
    readonly reopenedAt: string;
    readonly reopenedBy: string;
  }
>;

/** Another programme paid the household something; recorded once per source event. */
export type ExternalAssistanceRecorded = DomainEvent<
  'ExternalAssistanceRecorded',
  {
    readonly caseId: string;
    readonly source: ExternalSource;
    readonly sourceEventId: string;
    readonly type: ExternalAssistanceType;
    readonly amountFen: Fen;
    readonly occurredOn: IsoDate;
    readonly recordedAt: string;
  }
>;

export type { ReferralAttached };
export type { AssistanceApproved, AssistanceDecision, AssistanceRecorded, AssistanceRejected };

/** Every event of a `case-<uuid>` stream. */
export type CaseEvent =
  | HardshipCaseOpened
  | HardshipCaseReassessed
  | HardshipTierChanged
  | HomeVisitRecorded
  | PairingAssigned
  | AssistanceRecorded
  | AssistanceApproved
  | AssistanceRejected
  | HardshipCaseClosed
  | HardshipCaseReopened
  | ReferralAttached
  | ExternalAssistanceRecorded;
