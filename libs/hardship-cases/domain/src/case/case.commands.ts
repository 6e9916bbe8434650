import type { HardshipTier } from '@union/contracts';
import type { Consent, Fen, IsoDate } from '@union/kernel';
import type { RegionPolicy } from '../policy/region-policy';
import type {
  AssistanceCategory,
  AssistanceKind,
  AssistanceLimits,
  CloseReason,
  CommandContext,
  ExternalAssistanceType,
  ExternalSource,
  HardshipCause,
  Household,
  IntakeChannel,
} from '../shared/hardship-vocabulary';

/** A caseworker's decision to set the tier against the rules; it needs a written reason. */
export interface TierOverride {
  readonly tierOverride?: HardshipTier;
  readonly overrideReason?: string;
}

/** Commands that compute a tier bring the policy in force in the case's region. */
export interface WithPolicy {
  readonly policy: RegionPolicy;
}

/**
 * Open a case file (建档). The service resolves the identity number into `personRef` and its
 * masked form, and looks up the person's open case: the raw number never reaches the domain.
 */
export interface OpenCase extends CommandContext, TierOverride, WithPolicy {
  readonly type: 'OpenCase';
  readonly caseId: string;
  readonly personRef: string;
  readonly idNumberMasked: string;
  readonly name: string;
  readonly phone?: string;
  readonly unitId: string;
  readonly regionCode: string;
  readonly household: Household;
  readonly causes: readonly HardshipCause[];
  readonly channel: IntakeChannel;
  readonly referralId?: string;
  readonly emergencyExpenseFen?: Fen;
  /** The worker's signed authorisation (授权书, DOMAIN.md §5): without it, no case. */
  readonly consent?: Consent | null;
  /**
   * A dry run (`POST /cases?dryRun=true`): decided the same, stored never, so it may leave the
   * consent out (the tier is previewed before the form is complete); a consent it has is checked.
   */
  readonly dryRun?: boolean;
  /** The person's open case found by the service, if any: opening another one is a conflict. */
  readonly existingOpenCaseId?: string;
}

/** Review the case with fresh household figures; causes default to the current ones. */
export interface ReassessCase extends CommandContext, WithPolicy {
  readonly type: 'ReassessCase';
  readonly household: Household;
  readonly causes?: readonly HardshipCause[];
  readonly emergencyExpenseFen?: Fen;
}

/** Record a home visit that took place on `visitedOn`. */
export interface RecordVisit extends CommandContext {
  readonly type: 'RecordVisit';
  readonly visitId: string;
  readonly visitedOn: IsoDate;
  readonly visitor: string;
  readonly findings: string;
}

/** Pair the household with a helper, ending any previous pairing. */
export interface AssignPairing extends CommandContext {
  readonly type: 'AssignPairing';
  readonly helperName: string;
  readonly helperUnit: string;
}

/** Give an assistance; `limits` come from the service's configuration. */
export interface RecordAssistance extends CommandContext {
  readonly type: 'RecordAssistance';
  readonly assistanceId: string;
  readonly kind: AssistanceKind;
  readonly category: AssistanceCategory;
  readonly amountFen: Fen;
  /** The fund it is paid from; the service draws on it in the same transaction. */
  readonly fundId: string;
  readonly description: string;
  readonly limits?: AssistanceLimits;
}

/**
 * The holiday batch's runner gives the batch's assistance (cash, `holiday`) on the case, dated
 * the batch's `paidOn`: disbursed at once, since the batch itself was approved by a reviewer.
 */
export interface RecordHolidayAssistance extends CommandContext {
  readonly type: 'RecordHolidayAssistance';
  readonly assistanceId: string;
  readonly batchId: string;
  readonly batchName: string;
  readonly fundId: string;
  readonly amountFen: Fen;
  readonly paidOn: IsoDate;
  readonly limits?: AssistanceLimits;
}

/** A reviewer approves a pending assistance (four eyes). */
export interface ApproveAssistance extends CommandContext {
  readonly type: 'ApproveAssistance';
  readonly assistanceId: string;
  readonly reason?: string;
}

/** A reviewer rejects a pending assistance, saying why. */
export interface RejectAssistance extends CommandContext {
  readonly type: 'RejectAssistance';
  readonly assistanceId: string;
  readonly reason: string;
}

/** Close the case file. */
export interface CloseCase extends CommandContext {
  readonly type: 'CloseCase';
  readonly reason: CloseReason;
  readonly note?: string;
}

/**
 * Reopen a closed case. Without `household` the last recorded figures (and their emergency
 * expense) are assessed again under the current policy.
 */
export interface ReopenCase extends CommandContext, TierOverride, WithPolicy {
  readonly type: 'ReopenCase';
  readonly reason: string;
  readonly household?: Household;
  readonly causes?: readonly HardshipCause[];
  readonly emergencyExpenseFen?: Fen;
}

/** Put a referral into the history of this (open) case. */
export interface AttachReferral extends CommandContext {
  readonly type: 'AttachReferral';
  readonly referralId: string;
}

/** Record what another programme paid the household, once per source event. */
export interface RecordExternalAssistance extends CommandContext {
  readonly type: 'RecordExternalAssistance';
  readonly source: ExternalSource;
  readonly sourceEventId: string;
  readonly eventType: ExternalAssistanceType;
  readonly amountFen: Fen;
  readonly occurredOn: IsoDate;
}

/** Every command of a case file. The case id of all but `OpenCase` is the stream's. */
export type CaseCommand =
  | OpenCase
  | ReassessCase
  | RecordVisit
  | AssignPairing
  | RecordAssistance
  | RecordHolidayAssistance
  | ApproveAssistance
  | RejectAssistance
  | CloseCase
  | ReopenCase
  | AttachReferral
  | RecordExternalAssistance;
