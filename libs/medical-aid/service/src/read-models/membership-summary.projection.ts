import { rowProjection } from '@union/event-store';
import { evolveMembershipRow, type MembershipEvent, type MembershipRow } from '@union/medical-aid/domain';
import { memberKeyOf, MembershipSummaryEntity } from './membership-summary.entity';

export const MEMBERSHIP_EVENTS: MembershipEvent['type'][] = [
  'MemberEnrolled',
  'ClaimAdmissionRegistered',
  'ClaimAdmissionReleased',
  'CapReserved',
  'ClaimPaymentRecorded',
  'SeriousIllnessAidGranted',
  'HardshipRiskDetected',
];

/** The entity of a membership row; also used by the bulk enrollment path, so both write the same rows. */
export const membershipEntityOf = (row: MembershipRow): MembershipSummaryEntity => ({
  memberKey: memberKeyOf(row.periodId, row.personRef),
  periodId: row.periodId,
  personRef: row.personRef,
  unitId: row.unitId,
  waived: row.waived,
  contributionFen: row.contributionFen,
  seriousIllnessAidFen: row.totals.seriousIllnessAidFen,
  version: row.version,
  data: row,
});

/** The membership read model (with yearly totals): the domain's pure evolve, per membership stream. */
export const membershipSummaryProjection = rowProjection<MembershipSummaryEntity>({
  name: 'membership_summary',
  entity: MembershipSummaryEntity,
  key: 'memberKey',
  handles: MEMBERSHIP_EVENTS,
  keyOf: (e) => (e.streamType === 'member' ? e.streamId.slice('member-'.length) : null),
  evolve: (row, e) => {
    const next = evolveMembershipRow(
      row?.data ?? null,
      { type: e.type, data: e.data } as MembershipEvent,
      e.version,
    );
    return next ? membershipEntityOf(next) : null;
  },
});
