import type { StoredEvent } from '@union/event-store';
import type { ExternalAssistanceRow, VisitRow } from '@union/hardship-cases/domain';
import type { AssistanceView } from '../assistance/assistance.view';
import type { ReferralView } from '../referrals/referral.view';
import type { CaseView } from './case.view';

/** How many of the newest events the history summary lists; `eventCount` gives the whole. */
export const HISTORY_ENTRIES = 100;

/** One line of a case's history: what happened, when, by whom, under which policy. */
export function historyEntry(event: StoredEvent) {
  return {
    version: event.version,
    type: event.type,
    recordedAt: event.recordedAt.toISOString(),
    actor: event.metadata.actor,
    policyVersion: event.metadata.policyVersion,
  };
}

/** The history summary of a case: its event count, first and last change, newest entries. */
export function historySummary(events: readonly StoredEvent[]) {
  const first = events[0];
  const last = events[events.length - 1];
  return {
    eventCount: events.length,
    openedAt: first?.recordedAt.toISOString(),
    lastChangedAt: last?.recordedAt.toISOString(),
    entries: events.slice(-HISTORY_ENTRIES).map(historyEntry),
  };
}

/** `GET /cases/{caseId}`: the case with everything recorded about the household. */
export interface CaseDetailView extends Omit<CaseView, 'person'> {
  /** `idNumber` only on a read with a stated purpose (null: not kept, or erased). */
  person: CaseView['person'] & { idNumber?: string | null };
  assistance: AssistanceView[];
  visits: Omit<VisitRow, 'caseId'>[];
  externalAssistance: Omit<ExternalAssistanceRow, 'caseId'>[];
  referrals: ReferralView[];
  history: ReturnType<typeof historySummary>;
}
