import { assistanceThisYearFen, isVisitOverdue, type CaseSummaryRow } from '@union/hardship-cases/domain';
import type { NameView } from '@union/runtime';

/** API.md's case, from the summary row, for the business date `today`. */
export function caseView(row: CaseSummaryRow, version: number, today: string) {
  return {
    caseId: row.caseId,
    version,
    status: row.status,
    tier: row.tier,
    computedTier: row.computedTier,
    overrideReason: row.overrideReason,
    person: { idNumberMasked: row.idNumberMasked, name: row.name },
    unitId: row.unitId,
    regionCode: row.regionCode,
    household: row.household,
    perCapitaIncomeFen: row.perCapitaIncomeFen,
    causes: row.causes,
    channel: row.channel,
    openedAt: row.openedAt,
    nextReviewDue: row.nextReviewDue,
    lastVisitOn: row.lastVisitOn,
    visitOverdue: row.status === 'open' && isVisitOverdue(row, today),
    pairing: row.pairing,
    assistanceThisYearFen: assistanceThisYearFen(row, today),
    closedReason: row.closedReason ?? undefined,
    policyVersion: row.policyVersion,
    /** The worker's signed authorisation (授权书); null for a case opened before it was required. */
    consent: row.consent ?? null,
  };
}

export type CaseView = ReturnType<typeof caseView>;

/** `view` (a case, or anything naming a case's person and unit) with the name as `names` shows it (DOMAIN.md §5). */
export function withCaseName<V extends { unitId: string; person: { name: string } }>(view: V, names: NameView): V {
  return { ...view, person: { ...view.person, name: names.name(view.unitId, view.person.name) } };
}
