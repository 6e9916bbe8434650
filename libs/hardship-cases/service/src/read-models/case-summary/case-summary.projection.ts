import { rowProjection } from '@union/event-store';
import { evolveCaseSummary, type CaseEvent, type CaseSummaryRow } from '@union/hardship-cases/domain';
import { CaseSummaryEntity } from './case-summary.entity';

const CASE_EVENTS: CaseEvent['type'][] = [
  'HardshipCaseOpened',
  'HardshipCaseReassessed',
  'HardshipTierChanged',
  'HomeVisitRecorded',
  'PairingAssigned',
  'AssistanceRecorded',
  'AssistanceApproved',
  'AssistanceRejected',
  'HardshipCaseClosed',
  'HardshipCaseReopened',
  'ReferralAttached',
  'ExternalAssistanceRecorded',
];

const toEntity = (row: CaseSummaryRow, version: number): CaseSummaryEntity => ({
  caseId: row.caseId,
  personRef: row.personRef,
  unitId: row.unitId,
  status: row.status,
  tier: row.tier,
  nextReviewDue: row.nextReviewDue,
  visitOverdueOn: row.visitOverdueOn,
  openedAt: row.openedAt,
  version,
  data: row,
});

/** The case summary read model: the domain's pure evolve, persisted per case stream. */
export const caseSummaryProjection = rowProjection<CaseSummaryEntity>({
  name: 'case_summary',
  entity: CaseSummaryEntity,
  key: 'caseId',
  handles: CASE_EVENTS,
  keyOf: (e) => (e.streamType === 'case' ? e.streamId.slice('case-'.length) : null),
  evolve: (row, e) => {
    const next = evolveCaseSummary(row?.data ?? null, { type: e.type, data: e.data } as CaseEvent);
    return next ? toEntity(next, e.version) : null;
  },
});
