import type { AssistanceRow } from '@union/hardship-cases/domain';

/** One assistance as the API shows it (`assistance[]` of a case, and the assistance routes' answer). */
export function assistanceView(row: AssistanceRow) {
  return {
    assistanceId: row.assistanceId,
    caseId: row.caseId,
    kind: row.kind,
    category: row.category,
    amountFen: row.amountFen,
    // Rows written before funds hold no fundId.
    fundId: row.fundId ?? null,
    // Only on assistance recorded before funds, which named its source in free text.
    ...(row.fundSource ? { fundSource: row.fundSource } : {}),
    description: row.description,
    status: row.status,
    recordedOn: row.recordedOn,
    recordedBy: row.recordedBy,
    decidedBy: row.decidedBy,
    decidedOn: row.decidedOn,
    decisionReason: row.decisionReason,
  };
}

export type AssistanceView = ReturnType<typeof assistanceView>;
