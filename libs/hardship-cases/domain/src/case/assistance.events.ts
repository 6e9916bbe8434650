import type { DomainEvent, Fen, IsoDate } from '@union/kernel';
import type {
  AssistanceCategory,
  AssistanceKind,
  RecordedAssistanceStatus,
} from '../shared/hardship-vocabulary';

/** An assistance was given (or awaits approval). The limits applied are kept for auditors. */
export type AssistanceRecorded = DomainEvent<
  'AssistanceRecorded',
  {
    readonly caseId: string;
    readonly assistanceId: string;
    readonly kind: AssistanceKind;
    readonly category: AssistanceCategory;
    readonly amountFen: Fen;
    /** The fund it is paid from (DOMAIN.md §4); null on records from before funds. */
    readonly fundId: string | null;
    /** Free text naming the source, on records from before funds only (schema version 1). */
    readonly fundSource?: string;
    readonly description: string;
    readonly status: RecordedAssistanceStatus;
    readonly recordedBy: string;
    readonly recordedOn: IsoDate;
    readonly recordedAt: string;
    readonly approvalThresholdFen: Fen;
    readonly annualAssistanceCapFen: Fen;
    /** The holiday batch (送温暖) that gave it: at most one assistance per case and batch. */
    readonly batchId?: string;
  }
>;

/**
 * `AssistanceRecorded` of schema version 1 named its source in free text (`fundSource`); the
 * stored event stays as written, and reads with `fundId: null` and its `fundSource` kept.
 */
export function upcastAssistanceRecordedV1(data: unknown): unknown {
  return { ...(data as object), fundId: null };
}

/** A reviewer's decision on a pending assistance; amount and date repeat so projections need no lookup. */
export interface AssistanceDecision {
  readonly caseId: string;
  readonly assistanceId: string;
  readonly amountFen: Fen;
  readonly recordedOn: IsoDate;
  readonly by: string;
  readonly decidedOn: IsoDate;
  readonly decidedAt: string;
}

/** A reviewer approved a pending assistance: it is disbursed. */
export type AssistanceApproved = DomainEvent<
  'AssistanceApproved',
  AssistanceDecision & { readonly reason?: string }
>;

/** A reviewer rejected a pending assistance: it no longer counts toward the yearly cap. */
export type AssistanceRejected = DomainEvent<
  'AssistanceRejected',
  AssistanceDecision & { readonly reason: string }
>;
