import type { ReferralRow } from '@union/hardship-cases/domain';
import type { NameView } from '@union/runtime';

/** API.md's referral, plus how it was settled. */
export function referralView(row: ReferralRow, version: number) {
  return {
    referralId: row.referralId,
    version,
    status: row.status,
    personRef: row.personRef,
    unitId: row.unitId,
    memberName: row.memberName,
    remainingBurdenFen: row.remainingBurdenFen,
    periodId: row.periodId,
    claimIds: row.claimIds,
    receivedAt: row.receivedAt,
    caseId: row.caseId ?? undefined,
    settledAt: row.settledAt ?? undefined,
    settledBy: row.settledBy ?? undefined,
    dismissedReason: row.dismissedReason ?? undefined,
  };
}

export type ReferralView = ReturnType<typeof referralView>;

/** The referral with the member's name as `names` shows it (DOMAIN.md §5). */
export function withMemberName(view: ReferralView, names: NameView): ReferralView {
  return { ...view, memberName: names.name(view.unitId, view.memberName) };
}
