import type { Fen, IsoDate } from '@union/kernel';
import type { CaseEvent } from '../case/case.events';
import type {
  AssistanceCategory,
  AssistanceKind,
  AssistanceStatus,
  ExternalAssistanceType,
  ExternalSource,
} from '../shared/hardship-vocabulary';

/** One assistance of a case (`assistance[]` of API.md), also the source of the yearly figures. */
export interface AssistanceRow {
  readonly assistanceId: string;
  readonly caseId: string;
  readonly kind: AssistanceKind;
  readonly category: AssistanceCategory;
  readonly amountFen: Fen;
  /** The fund it is paid from; null on records from before funds. */
  readonly fundId: string | null;
  /** The free-text source of records from before funds; null on newer ones. */
  readonly fundSource: string | null;
  readonly description: string;
  readonly status: AssistanceStatus;
  /** Calendar year of `recordedOn`, for the per-year statistics. */
  readonly year: number;
  readonly recordedOn: IsoDate;
  /** The instant it was recorded; absent on rows written before it was kept (a rebuild adds it). */
  readonly recordedAt?: string;
  readonly recordedBy: string;
  readonly decidedBy: string | null;
  readonly decidedOn: IsoDate | null;
  readonly decisionReason: string | null;
}

/** One home visit (`visits[]`). */
export interface VisitRow {
  readonly visitId: string;
  readonly caseId: string;
  readonly visitedOn: IsoDate;
  readonly visitor: string;
  readonly findings: string;
  readonly recordedBy: string;
}

/** One payment of another programme (`externalAssistance[]`). */
export interface ExternalAssistanceRow {
  readonly sourceEventId: string;
  readonly caseId: string;
  readonly source: ExternalSource;
  readonly type: ExternalAssistanceType;
  readonly amountFen: Fen;
  readonly occurredOn: IsoDate;
}

/** Which detail row an event touches, so the projector loads that row and no other. */
export type DetailRowKey =
  | { readonly table: 'assistance'; readonly id: string }
  | { readonly table: 'visit'; readonly id: string }
  | { readonly table: 'external_assistance'; readonly id: string };

/** The detail row an event of a case stream updates, or null when it updates none. */
export function detailRowKeyOf(event: CaseEvent): DetailRowKey | null {
  switch (event.type) {
    case 'AssistanceRecorded':
    case 'AssistanceApproved':
    case 'AssistanceRejected':
      return { table: 'assistance', id: event.data.assistanceId };
    case 'HomeVisitRecorded':
      return { table: 'visit', id: event.data.visitId };
    case 'ExternalAssistanceRecorded':
      return { table: 'external_assistance', id: event.data.sourceEventId };
    default:
      return null;
  }
}

/** The assistance row after one event; events about other assistance leave it as it is. */
export function evolveAssistanceRow(row: AssistanceRow | null, event: CaseEvent): AssistanceRow | null {
  switch (event.type) {
    case 'AssistanceRecorded': {
      const d = event.data;
      return {
        assistanceId: d.assistanceId,
        caseId: d.caseId,
        kind: d.kind,
        category: d.category,
        amountFen: d.amountFen,
        fundId: d.fundId ?? null,
        fundSource: d.fundSource ?? null,
        description: d.description,
        status: d.status,
        year: Number(d.recordedOn.slice(0, 4)),
        recordedOn: d.recordedOn,
        recordedAt: d.recordedAt,
        recordedBy: d.recordedBy,
        decidedBy: null,
        decidedOn: null,
        decisionReason: null,
      };
    }
    case 'AssistanceApproved':
    case 'AssistanceRejected': {
      if (row === null || row.assistanceId !== event.data.assistanceId) return row;
      const status = event.type === 'AssistanceApproved' ? 'disbursed' : 'rejected';
      const { by, decidedOn, reason } = event.data;
      return { ...row, status, decidedBy: by, decidedOn, decisionReason: reason ?? null };
    }
    default:
      return row;
  }
}

/** The visit row after one event. */
export function evolveVisitRow(row: VisitRow | null, event: CaseEvent): VisitRow | null {
  if (event.type !== 'HomeVisitRecorded') return row;
  const { visitId, caseId, visitedOn, visitor, findings, recordedBy } = event.data;
  return { visitId, caseId, visitedOn, visitor, findings, recordedBy };
}

/** The external assistance row after one event. */
export function evolveExternalAssistanceRow(
  row: ExternalAssistanceRow | null,
  event: CaseEvent,
): ExternalAssistanceRow | null {
  if (event.type !== 'ExternalAssistanceRecorded') return row;
  const { sourceEventId, caseId, source, type, amountFen, occurredOn } = event.data;
  return { sourceEventId, caseId, source, type, amountFen, occurredOn };
}
