import type { Fen } from '@union/kernel';
import type { CommandContext } from '../shared/hardship-vocabulary';

/**
 * Turn a `HardshipRiskDetected` into a referral. When the person already has an open case the
 * service passes its id and the referral is attached to it at once; otherwise it waits.
 */
export interface ReceiveReferral extends Omit<CommandContext, 'today'> {
  readonly type: 'ReceiveReferral';
  readonly referralId: string;
  readonly personRef: string;
  readonly unitId: string;
  readonly memberName: string;
  readonly remainingBurdenFen: Fen;
  readonly periodId: string;
  readonly claimIds: readonly string[];
  readonly sourceEventId: string;
  readonly openCaseId?: string;
}

/** A case was opened with this `referralId`; `personRef` is the opened case's person. */
export interface AcceptReferral extends Omit<CommandContext, 'today'> {
  readonly type: 'AcceptReferral';
  readonly caseId: string;
  readonly personRef: string;
}

/** The referral joins the history of the person's open case. */
export interface AttachReferralToCase extends Omit<CommandContext, 'today'> {
  readonly type: 'AttachReferralToCase';
  readonly caseId: string;
}

/** A caseworker closes the referral without a case. */
export interface DismissReferral extends Omit<CommandContext, 'today'> {
  readonly type: 'DismissReferral';
  readonly reason: string;
}

/** Every command of a referral. */
export type ReferralCommand = ReceiveReferral | AcceptReferral | AttachReferralToCase | DismissReferral;
