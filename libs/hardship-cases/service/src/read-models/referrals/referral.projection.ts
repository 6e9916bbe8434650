import { rowProjection } from '@union/event-store';
import { evolveReferralRow, type ReferralEvent, type ReferralRow } from '@union/hardship-cases/domain';
import { ReferralEntity } from './referral.entity';

const toEntity = (row: ReferralRow, version: number): ReferralEntity => ({
  referralId: row.referralId,
  status: row.status,
  personRef: row.personRef,
  unitId: row.unitId,
  caseId: row.caseId,
  receivedAt: new Date(row.receivedAt),
  version,
  data: row,
});

/**
 * The referral inbox read model, per referral stream. `ReferralAttached` is also written to case
 * streams: only the referral stream's copy is read here.
 */
export const referralProjection = rowProjection<ReferralEntity>({
  name: 'referral',
  entity: ReferralEntity,
  key: 'referralId',
  handles: ['ReferralReceived', 'ReferralAccepted', 'ReferralAttached', 'ReferralDismissed'],
  keyOf: (e) => (e.streamType === 'referral' ? e.streamId.slice('referral-'.length) : null),
  evolve: (row, e) => {
    const next = evolveReferralRow(row?.data ?? null, { type: e.type, data: e.data } as ReferralEvent);
    return next ? toEntity(next, e.version) : null;
  },
});
