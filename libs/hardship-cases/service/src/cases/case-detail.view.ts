import type { StoredEvent } from '@union/event-store';
import type { ExternalAssistanceRow, TierAssessment, VisitRow } from '@union/hardship-cases/domain';
import type { CapView } from '../assistance/assistance-cap.view';
import type { AssistanceView } from '../assistance/assistance.view';
import type { ReferralView } from '../referrals/referral.view';
import type { CaseView } from './case.view';

/**
 * How many of the newest events the history summary lists; `eventCount` gives the whole. Enough
 * for a busy file's timeline on one screen (docs/api-changes.md); the audit routes read them all.
 */
export const HISTORY_ENTRIES = 500;

/**
 * The fields of an event a timeline line shows: tiers, amounts, dates, staff names and reasons.
 * None is the person's own (HARDSHIP_PERSONAL_FIELDS: the name, numbers and a visit's findings
 * never appear here), so the summary needs no opening of sealed fields.
 */
const FACT_FIELDS = [
  'tier',
  'fromTier',
  'toTier',
  'perCapitaIncomeFen',
  'kind',
  'category',
  'amountFen',
  'status',
  'visitedOn',
  'visitor',
  'helperName',
  'helperUnit',
  'reason',
  'occurredOn',
] as const;

type Fact = string | number;

/** The {@link FACT_FIELDS} an event's data holds, plus `programme` for another programme's payment. */
function factsOf(event: StoredEvent): Record<string, Fact> {
  const data = event.data as Record<string, unknown>;
  const facts: Record<string, Fact> = {};
  for (const field of FACT_FIELDS) {
    const value = data[field];
    if (typeof value === 'string' || typeof value === 'number') facts[field] = value;
  }
  if (event.type === 'ExternalAssistanceRecorded' && typeof data.type === 'string')
    facts.programme = data.type;
  return facts;
}

/** One line of a case's history: what happened, when, by whom, under which policy, with its figures. */
export function historyEntry(event: StoredEvent) {
  return {
    version: event.version,
    type: event.type,
    recordedAt: event.recordedAt.toISOString(),
    actor: event.metadata.actor,
    policyVersion: event.metadata.policyVersion,
    facts: factsOf(event),
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
  /** This calendar year's assistance against the yearly cap (docs/api-changes.md). */
  cap: CapView;
  /**
   * The figures the tier was last judged by (the household under the policy `policyVersion`
   * names): the same shape as the dry runs' `assessment`; null for a policy it cannot read.
   */
  assessment: TierAssessment | null;
  assistance: AssistanceView[];
  visits: Omit<VisitRow, 'caseId'>[];
  externalAssistance: Omit<ExternalAssistanceRow, 'caseId'>[];
  referrals: ReferralView[];
  history: ReturnType<typeof historySummary>;
}
