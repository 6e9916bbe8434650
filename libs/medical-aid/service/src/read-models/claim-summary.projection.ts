import { rowProjection } from '@union/event-store';
import { evolveClaimRow, type ClaimEvent } from '@union/medical-aid/domain';
import { ClaimSummaryEntity } from './claim-summary.entity';

const CLAIM_EVENTS: ClaimEvent['type'][] = ['ClaimSubmitted', 'ClaimApproved', 'ClaimRejected', 'ClaimPaid'];

/** The claim read model: the domain's pure evolve, persisted per claim stream. */
export const claimSummaryProjection = rowProjection<ClaimSummaryEntity>({
  name: 'claim_summary',
  entity: ClaimSummaryEntity,
  key: 'claimId',
  handles: CLAIM_EVENTS,
  keyOf: (e) => (e.streamType === 'claim' ? e.streamId.slice('claim-'.length) : null),
  evolve: (row, e) => {
    const next = evolveClaimRow(row?.data ?? null, { type: e.type, data: e.data } as ClaimEvent, e.version);
    if (!next) return null;
    return {
      claimId: next.claimId,
      periodId: next.periodId,
      personRef: next.personRef,
      unitId: next.unitId,
      status: next.status,
      payoutFen: next.quote.payoutFen,
      submittedAt: next.submittedAt,
      version: next.version,
      data: next,
    };
  },
});
