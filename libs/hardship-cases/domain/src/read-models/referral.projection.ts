import type { Fen } from '@union/kernel';
import type { ReferralEvent, ReferralStatus } from '../referral/referral.events';

/** The row behind `GET /referrals` (API.md's referral), plus how it was settled. */
export interface ReferralRow {
  readonly referralId: string;
  readonly status: ReferralStatus;
  readonly personRef: string;
  readonly unitId: string;
  readonly memberName: string;
  readonly remainingBurdenFen: Fen;
  readonly periodId: string;
  readonly claimIds: readonly string[];
  readonly receivedAt: string;
  readonly caseId: string | null;
  readonly settledAt: string | null;
  readonly settledBy: string | null;
  readonly dismissedReason: string | null;
}

/** The referral row after one event of its stream; deterministic, and harmless when repeated. */
export function evolveReferralRow(row: ReferralRow | null, event: ReferralEvent): ReferralRow | null {
  if (event.type === 'ReferralReceived') {
    const d = event.data;
    return {
      referralId: d.referralId,
      status: 'pending',
      personRef: d.personRef,
      unitId: d.unitId,
      memberName: d.memberName,
      remainingBurdenFen: d.remainingBurdenFen,
      periodId: d.periodId,
      claimIds: d.claimIds,
      receivedAt: d.receivedAt,
      caseId: null,
      settledAt: null,
      settledBy: null,
      dismissedReason: null,
    };
  }
  if (row === null) return null;
  switch (event.type) {
    case 'ReferralAccepted': {
      const { caseId, acceptedAt, acceptedBy } = event.data;
      return { ...row, status: 'accepted', caseId, settledAt: acceptedAt, settledBy: acceptedBy };
    }
    case 'ReferralAttached': {
      const { caseId, attachedAt, attachedBy } = event.data;
      return { ...row, status: 'attached', caseId, settledAt: attachedAt, settledBy: attachedBy };
    }
    case 'ReferralDismissed': {
      const { reason, by, dismissedAt } = event.data;
      return { ...row, status: 'dismissed', dismissedReason: reason, settledAt: dismissedAt, settledBy: by };
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
