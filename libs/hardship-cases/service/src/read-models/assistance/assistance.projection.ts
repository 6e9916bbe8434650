import { evolveAssistanceRow, type AssistanceRow } from '@union/hardship-cases/domain';
import { detailRowProjection } from '../detail-row.projection';
import { AssistanceEntity } from './assistance.entity';

const toEntity = (row: AssistanceRow, version: number): AssistanceEntity => ({
  assistanceId: row.assistanceId,
  caseId: row.caseId,
  status: row.status,
  category: row.category,
  fundId: row.fundId ?? null,
  fundSource: row.fundSource ?? null,
  year: row.year,
  amountFen: row.amountFen,
  recordedOn: row.recordedOn,
  version,
  data: row,
});

/** The assistance read model: the domain's `evolveAssistanceRow`, one row per assistance id. */
export const assistanceProjection = detailRowProjection<AssistanceRow, AssistanceEntity>({
  name: 'case_assistance',
  entity: AssistanceEntity,
  key: 'assistanceId',
  table: 'assistance',
  handles: ['AssistanceRecorded', 'AssistanceApproved', 'AssistanceRejected'],
  evolve: evolveAssistanceRow,
  toEntity,
});
