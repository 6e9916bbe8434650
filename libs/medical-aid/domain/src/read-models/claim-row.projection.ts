import type { Fen, IsoDate } from '@union/kernel';
import type { Bill, ClaimEvent, ClaimStatus, Quote } from '../claim/claim.events';

/** A claim as API.md shows it (`GET /claims/{claimId}`), plus who decided and paid it. */
export interface ClaimRow {
  readonly claimId: string;
  /** The stream version of the last event applied. */
  readonly version: number;
  readonly periodId: string;
  readonly personRef: string;
  readonly status: ClaimStatus;
  readonly member: { readonly idNumberMasked: string; readonly name: string };
  readonly unitId: string;
  readonly hospital: string;
  readonly admittedOn: IsoDate;
  readonly dischargedOn: IsoDate;
  readonly diagnosisCode: string;
  readonly bill: Bill;
  readonly quote: Quote;
  readonly submittedBy: string;
  readonly submittedAt: string;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  /** The rejection reason, or the approval's reason for lowering the eligible amount. */
  readonly decisionReason: string | null;
  readonly eligibleLoweredFromFen: Fen | null;
  readonly paymentRef: string | null;
  readonly paidOn: IsoDate | null;
}

/**
 * The claim row after the event at stream `version`. Idempotent: an event at or below the row's
 * version changes nothing, so a redelivered event or a replay over live rows is harmless.
 */
export function evolveClaimRow(row: ClaimRow | null, event: ClaimEvent, version: number): ClaimRow | null {
  if (row !== null && version <= row.version) return row;
  switch (event.type) {
    case 'ClaimSubmitted': {
      const { memberName, idNumberMasked, ...d } = event.data;
      return {
        claimId: d.claimId,
        version,
        periodId: d.periodId,
        personRef: d.personRef,
        status: 'submitted',
        member: { idNumberMasked, name: memberName },
        unitId: d.unitId,
        hospital: d.hospital,
        admittedOn: d.admittedOn,
        dischargedOn: d.dischargedOn,
        diagnosisCode: d.diagnosisCode,
        bill: d.bill,
        quote: d.quote,
        submittedBy: d.submittedBy,
        submittedAt: d.submittedAt,
        decidedBy: null,
        decidedAt: null,
        decisionReason: null,
        eligibleLoweredFromFen: null,
        paymentRef: null,
        paidOn: null,
      };
    }
    case 'ClaimApproved': {
      if (row === null) return row;
      const { quote, approvedBy, approvedAt, reason, eligibleLoweredFromFen } = event.data;
      return {
        ...row,
        version,
        status: 'approved',
        quote,
        decidedBy: approvedBy,
        decidedAt: approvedAt,
        decisionReason: reason,
        eligibleLoweredFromFen,
      };
    }
    case 'ClaimRejected': {
      if (row === null) return row;
      const { reason, rejectedBy, rejectedAt } = event.data;
      return {
        ...row,
        version,
        status: 'rejected',
        decidedBy: rejectedBy,
        decidedAt: rejectedAt,
        decisionReason: reason,
      };
    }
    case 'ClaimPaid':
      return row === null
        ? row
        : { ...row, version, status: 'paid', paymentRef: event.data.paymentRef, paidOn: event.data.paidOn };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
