import { evolveExternalAssistanceRow, type ExternalAssistanceRow } from '@union/hardship-cases/domain';
import { detailRowProjection } from '../detail-row.projection';
import { ExternalAssistanceEntity } from './external-assistance.entity';

/** The external assistance read model: the domain's `evolveExternalAssistanceRow`, one row per source event. */
export const externalAssistanceProjection = detailRowProjection<
  ExternalAssistanceRow,
  ExternalAssistanceEntity
>({
  name: 'case_external_assistance',
  entity: ExternalAssistanceEntity,
  key: 'sourceEventId',
  table: 'external_assistance',
  handles: ['ExternalAssistanceRecorded'],
  evolve: evolveExternalAssistanceRow,
  toEntity: (row, version) => ({
    sourceEventId: row.sourceEventId,
    caseId: row.caseId,
    source: row.source,
    amountFen: row.amountFen,
    occurredOn: row.occurredOn,
    version,
    data: row,
  }),
});
