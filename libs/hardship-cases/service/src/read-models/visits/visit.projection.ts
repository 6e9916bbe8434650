import { evolveVisitRow, type VisitRow } from '@union/hardship-cases/domain';
import { detailRowProjection } from '../detail-row.projection';
import { VisitEntity } from './visit.entity';

/** The visits read model: the domain's `evolveVisitRow`, one row per visit id. */
export const visitProjection = detailRowProjection<VisitRow, VisitEntity>({
  name: 'case_visit',
  entity: VisitEntity,
  key: 'visitId',
  table: 'visit',
  handles: ['HomeVisitRecorded'],
  evolve: evolveVisitRow,
  toEntity: (row, version) => ({
    visitId: row.visitId,
    caseId: row.caseId,
    visitedOn: row.visitedOn,
    version,
    data: row,
  }),
});
