import type { EducationLevel, HardshipTier } from '@union/contracts';
import type { Consent, IsoDate } from '@union/kernel';
import type { AmountsByLevelFen } from '../shared/grant-vocabulary';
import type { HoldReason } from './application.events';

/** What an application needs to know of its campaign; the service reads it from the campaign. */
export interface CampaignFacts {
  readonly campaignId: string;
  readonly status: 'open' | 'closed';
  readonly opensOn: IsoDate;
  readonly closesOn: IsoDate;
  readonly amountsByLevelFen: AmountsByLevelFen;
  readonly eligibleTiers: readonly HardshipTier[];
}

/** The parent's hardship case now, from the service's projection of `hardship.cases.v1`. */
export interface ParentEligibility {
  readonly openCase: boolean;
  readonly tier: HardshipTier | null;
}

/** A person as an application records them: never the raw identity number. */
export interface PersonOnApplication {
  readonly personRef: string;
  readonly idNumberMasked: string;
}

/** The student, as the caseworker entered them. */
export interface StudentOnApplication extends PersonOnApplication {
  readonly name: string;
  readonly level: EducationLevel;
  readonly school: string;
}

/**
 * A caseworker applies for a student, or the system does for a recurring student (`auto`).
 * The service looks up the facts (campaign, eligibility, a live application of the student)
 * and passes them in; the rules are decided here.
 */
export interface SubmitApplication {
  readonly type: 'SubmitApplication';
  readonly applicationId: string;
  /** null when the campaign does not exist. */
  readonly campaign: CampaignFacts | null;
  readonly parent: PersonOnApplication;
  readonly student: StudentOnApplication;
  readonly unitId: string;
  readonly eligibility: ParentEligibility;
  /** The student's live (not rejected, not withdrawn) application in this campaign, if any. */
  readonly liveApplicationIdForStudent?: string;
  /**
   * The parent's signed authorisation (授权书, DOMAIN.md §5): without it, no application. A
   * recurring student's automatic application carries the one of the application it continues.
   */
  readonly consent?: Consent | null;
  /**
   * A dry run (`POST /applications?dryRun=true`): decided the same, stored never, so it may leave
   * the consent out (the amount is previewed before the form is complete); a consent it has is checked.
   */
  readonly dryRun?: boolean;
  readonly auto?: boolean;
  readonly submittedBy: string;
  readonly today: IsoDate;
  readonly now: string;
}

/** A reviewer approves; `recurring` marks the student for support every year. */
export interface ApproveApplication {
  readonly type: 'ApproveApplication';
  readonly by: string;
  readonly recurring?: boolean;
  readonly now: string;
}

/** A reviewer rejects, with a reason. */
export interface RejectApplication {
  readonly type: 'RejectApplication';
  readonly by: string;
  readonly reason: string;
  readonly now: string;
}

/** The grant was paid; `schoolStartOn` is the campaign's, to flag a late payment. */
export interface DisburseGrant {
  readonly type: 'DisburseGrant';
  readonly paymentRef: string;
  readonly paidOn: IsoDate;
  readonly schoolStartOn: IsoDate;
  readonly by: string;
  readonly now: string;
}

/** The caseworker withdraws the application before payment. */
export interface WithdrawApplication {
  readonly type: 'WithdrawApplication';
  readonly reason: string;
  readonly by: string;
  readonly now: string;
}

/** The parent lost eligibility (from the hardship events). */
export interface PutApplicationOnHold {
  readonly type: 'PutApplicationOnHold';
  readonly reason: HoldReason;
  readonly caseId: string | null;
  readonly now: string;
}

/** The parent is eligible again. */
export interface ReleaseApplicationFromHold {
  readonly type: 'ReleaseApplicationFromHold';
  readonly now: string;
}

/** Every command on an application. */
export type ApplicationCommand =
  | SubmitApplication
  | ApproveApplication
  | RejectApplication
  | DisburseGrant
  | WithdrawApplication
  | PutApplicationOnHold
  | ReleaseApplicationFromHold;
