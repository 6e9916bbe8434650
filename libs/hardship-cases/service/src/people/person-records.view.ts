import type { IsoDate } from '@union/kernel';
import type { AssistanceRow } from '@union/hardship-cases/domain';
import type { CaseView } from '../cases/case.view';

/** One assistance as the person view shows it. */
export function personAssistanceView(row: AssistanceRow) {
  return {
    assistanceId: row.assistanceId,
    caseId: row.caseId,
    category: row.category,
    fundId: row.fundId ?? null,
    ...(row.fundSource ? { fundSource: row.fundSource } : {}),
    amountFen: row.amountFen,
    status: row.status,
    recordedOn: row.recordedOn,
  };
}

export type PersonAssistanceView = ReturnType<typeof personAssistanceView>;

/** `GET /api/v1/hardship/people/{idNumber}`: the person's cases and assistance in this programme. */
export interface PersonRecordsView {
  readonly idNumberMasked: string;
  readonly cases: CaseView[];
  readonly assistance: PersonAssistanceView[];
  readonly receivedThisYearFen: number;
}

/**
 * The day money reached the person, or null while it has not: `disbursed` is the only status that
 * pays (below the approval threshold on the day it is recorded, above it on the day a reviewer
 * approves); `pending_approval` is not paid yet and `rejected` never will be.
 */
export function paidOn(row: AssistanceRow): IsoDate | null {
  if (row.status !== 'disbursed') return null;
  return row.decidedOn ?? row.recordedOn;
}

/** Fen paid to the person in the calendar year of `today` (China business date). */
export function receivedInYearFen(rows: readonly AssistanceRow[], today: IsoDate): number {
  const year = today.slice(0, 4);
  let total = 0;
  for (const row of rows) {
    const paid = paidOn(row);
    if (paid !== null && paid.slice(0, 4) === year) total += row.amountFen;
  }
  return total;
}
