import type { Fen, IsoDate } from '@union/kernel';
import type { MembershipEvent } from '../membership/membership.events';

/** A member's yearly totals (API.md membership `totals`); sums over paid claims. */
export interface MembershipTotals {
  readonly outOfPocketFen: Fen;
  readonly payoutsFen: Fen;
  /** Sum over paid claims of (out-of-pocket - payout). */
  readonly burdenFen: Fen;
  readonly seriousIllnessAidFen: Fen;
  /** burdenFen - seriousIllnessAidFen. */
  readonly remainingBurdenFen: Fen;
  readonly hardshipRiskReported: boolean;
}

/** A membership as API.md shows it, without the claim summaries (joined from claim rows). */
export interface MembershipRow {
  readonly periodId: string;
  readonly personRef: string;
  readonly version: number;
  readonly member: { readonly idNumberMasked: string; readonly name: string };
  readonly unitId: string;
  readonly enrolledOn: IsoDate;
  readonly contributionFen: Fen;
  readonly waived: boolean;
  readonly paymentRef: string;
  /** Every claim submitted for the member in the period, oldest first (rejected ones too). */
  readonly claimIds: readonly string[];
  /** Payouts of approved and paid claims: what the annual cap has used. */
  readonly capUsedFen: Fen;
  readonly totals: MembershipTotals;
}

const totalsAfter = (row: MembershipRow, change: Partial<MembershipTotals>): MembershipTotals => {
  const totals = { ...row.totals, ...change };
  return { ...totals, remainingBurdenFen: totals.burdenFen - totals.seriousIllnessAidFen };
};

/**
 * The membership row after the event at stream `version`; idempotent (an event at or below the
 * row's version changes nothing). Events before `MemberEnrolled` cannot exist and are ignored.
 */
export function evolveMembershipRow(
  row: MembershipRow | null,
  event: MembershipEvent,
  version: number,
): MembershipRow | null {
  if (row !== null && version <= row.version) return row;
  if (event.type === 'MemberEnrolled') {
    const { idNumberMasked, name, ...d } = event.data;
    return {
      periodId: d.periodId,
      personRef: d.personRef,
      version,
      member: { idNumberMasked, name },
      unitId: d.unitId,
      enrolledOn: d.enrolledOn,
      contributionFen: d.contributionFen,
      waived: d.waived,
      paymentRef: d.paymentRef,
      claimIds: [],
      capUsedFen: 0,
      totals: {
        outOfPocketFen: 0,
        payoutsFen: 0,
        burdenFen: 0,
        seriousIllnessAidFen: 0,
        remainingBurdenFen: 0,
        hardshipRiskReported: false,
      },
    };
  }
  if (row === null) return row;
  const next = { ...row, version };
  switch (event.type) {
    case 'ClaimAdmissionRegistered':
      return { ...next, claimIds: [...row.claimIds, event.data.claimId] };
    case 'ClaimAdmissionReleased':
      return next;
    case 'CapReserved':
      return { ...next, capUsedFen: row.capUsedFen + event.data.payoutFen };
    case 'ClaimPaymentRecorded': {
      const { outOfPocketFen, payoutFen } = event.data;
      const t = row.totals;
      return {
        ...next,
        totals: totalsAfter(row, {
          outOfPocketFen: t.outOfPocketFen + outOfPocketFen,
          payoutsFen: t.payoutsFen + payoutFen,
          burdenFen: t.burdenFen + outOfPocketFen - payoutFen,
        }),
      };
    }
    case 'SeriousIllnessAidGranted':
      return { ...next, totals: totalsAfter(row, { seriousIllnessAidFen: event.data.totalGrantedFen }) };
    case 'HardshipRiskDetected':
      return { ...next, totals: totalsAfter(row, { hardshipRiskReported: true }) };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
