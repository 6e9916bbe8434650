import type { HardshipTier } from '@union/contracts';
import { addDays, daysBetween, type Consent, type Fen, type IsoDate } from '@union/kernel';
import type { CaseEvent, HardshipCaseOpened, TierDecision } from '../case/case.events';
import type {
  CloseReason,
  HardshipCause,
  Household,
  IntakeChannel,
  Pairing,
} from '../shared/hardship-vocabulary';

/** DOMAIN.md §1: a case with no visit for this many days is "visit overdue". */
export const VISIT_OVERDUE_DAYS = 180;

/** One assistance as it counts toward a year's total (rejected ones are removed). */
export interface CountedAssistance {
  readonly year: string;
  readonly amountFen: Fen;
}

/**
 * The row behind `GET /cases` and the head of `GET /cases/{id}` (API.md's case). Absent values
 * are null, as in a table column. `version` is the stream's, kept by the projector.
 */
export interface CaseSummaryRow {
  readonly caseId: string;
  readonly personRef: string;
  readonly status: 'open' | 'closed';
  readonly tier: HardshipTier;
  readonly computedTier: HardshipTier | null;
  readonly overrideReason: string | null;
  readonly idNumberMasked: string;
  readonly name: string;
  readonly phone: string | null;
  readonly unitId: string;
  readonly regionCode: string;
  readonly household: Household;
  readonly perCapitaIncomeFen: Fen;
  readonly emergencyExpenseFen: Fen | null;
  readonly causes: readonly HardshipCause[];
  readonly channel: IntakeChannel;
  readonly openedOn: IsoDate;
  readonly openedAt: string;
  /** null while the case is closed: nothing is due. */
  readonly nextReviewDue: IsoDate | null;
  readonly lastVisitOn: IsoDate | null;
  /** The day the case becomes "visit overdue": 180 days after the last visit, or the opening. */
  readonly visitOverdueOn: IsoDate;
  readonly pairing: Pairing | null;
  /**
   * Totals per calendar year (`"2024"`), disbursed or awaiting approval (as the yearly cap counts
   * them). Kept per year because "this year" is decided when the row is read.
   */
  readonly assistanceByYearFen: Readonly<Record<string, Fen>>;
  /** Per assistance id, what it adds to its year: makes applying the same event twice harmless. */
  readonly countedAssistance: Readonly<Record<string, CountedAssistance>>;
  readonly closedReason: CloseReason | null;
  readonly closedOn: IsoDate | null;
  readonly policyVersion: string;
  readonly referralIds: readonly string[];
  /**
   * The worker's signed authorisation (授权书) given at the opening; null for a case opened before
   * it was required. Optional because rows projected before it existed lack the member.
   */
  readonly consent?: Consent | null;
}

/** API.md's `assistanceThisYearFen`, for the business date `today`. */
export const assistanceThisYearFen = (row: CaseSummaryRow, today: IsoDate): Fen =>
  row.assistanceByYearFen[today.slice(0, 4)] ?? 0;

/** True when an open case has had no visit for {@link VISIT_OVERDUE_DAYS} days on `today`. */
export const isVisitOverdue = (row: CaseSummaryRow, today: IsoDate): boolean =>
  row.status === 'open' && daysBetween(row.visitOverdueOn, today) >= 0;

/** The columns every assessment (opening, reassessment, reopening) sets. */
type TierColumns = Pick<
  CaseSummaryRow,
  | 'household'
  | 'perCapitaIncomeFen'
  | 'emergencyExpenseFen'
  | 'computedTier'
  | 'tier'
  | 'overrideReason'
  | 'policyVersion'
  | 'nextReviewDue'
>;

// An override does not outlive the assessment it was given for: a reassessment clears it.
function tierFields(d: Omit<TierDecision, 'nextReviewDue'> & { nextReviewDue: IsoDate | null }): TierColumns {
  return {
    household: d.household,
    perCapitaIncomeFen: d.perCapitaIncomeFen,
    emergencyExpenseFen: d.emergencyExpenseFen ?? null,
    computedTier: d.computedTier,
    tier: d.tier,
    overrideReason: d.overrideReason ?? null,
    policyVersion: d.policyVersion,
    nextReviewDue: d.nextReviewDue,
  };
}

function opened(d: HardshipCaseOpened['data']): CaseSummaryRow {
  return {
    caseId: d.caseId,
    personRef: d.personRef,
    status: 'open',
    ...tierFields(d),
    idNumberMasked: d.idNumberMasked,
    name: d.name,
    phone: d.phone ?? null,
    unitId: d.unitId,
    regionCode: d.regionCode,
    causes: d.causes,
    channel: d.channel,
    openedOn: d.openedOn,
    openedAt: d.openedAt,
    lastVisitOn: null,
    visitOverdueOn: addDays(d.openedOn, VISIT_OVERDUE_DAYS),
    pairing: null,
    assistanceByYearFen: {},
    countedAssistance: {},
    closedReason: null,
    closedOn: null,
    referralIds: d.referralId ? [d.referralId] : [],
    consent: d.consent ?? null,
  };
}

function withCounted(row: CaseSummaryRow, counted: Record<string, CountedAssistance>): CaseSummaryRow {
  const assistanceByYearFen: Record<string, Fen> = {};
  // Recomputed from the per-id amounts rather than added to: the same event twice counts once.
  for (const { year, amountFen } of Object.values(counted)) {
    assistanceByYearFen[year] = (assistanceByYearFen[year] ?? 0) + amountFen;
  }
  return { ...row, countedAssistance: counted, assistanceByYearFen };
}

function withVisit(row: CaseSummaryRow, visitedOn: IsoDate): CaseSummaryRow {
  // Visits may be entered late: the last visit is the latest date, not the latest entry.
  const lastVisitOn = row.lastVisitOn !== null && row.lastVisitOn > visitedOn ? row.lastVisitOn : visitedOn;
  return { ...row, lastVisitOn, visitOverdueOn: addDays(lastVisitOn, VISIT_OVERDUE_DAYS) };
}

/**
 * The summary row after one event of its case stream: pure and deterministic, and applying the
 * same event twice gives the same row. A missing row stays missing until `HardshipCaseOpened`.
 */
export function evolveCaseSummary(row: CaseSummaryRow | null, event: CaseEvent): CaseSummaryRow | null {
  if (event.type === 'HardshipCaseOpened') return opened(event.data);
  if (row === null) return null;
  switch (event.type) {
    case 'HardshipCaseReassessed':
      return { ...row, ...tierFields(event.data), causes: event.data.causes };
    case 'HardshipTierChanged':
      return { ...row, tier: event.data.toTier };
    case 'HomeVisitRecorded':
      return withVisit(row, event.data.visitedOn);
    case 'PairingAssigned': {
      const { helperName, helperUnit, assignedOn } = event.data;
      return { ...row, pairing: { helperName, helperUnit, assignedOn } };
    }
    case 'AssistanceRecorded': {
      const { assistanceId, recordedOn, amountFen } = event.data;
      const counted = {
        ...row.countedAssistance,
        [assistanceId]: { year: recordedOn.slice(0, 4), amountFen },
      };
      return withCounted(row, counted);
    }
    case 'AssistanceApproved':
      return row;
    case 'AssistanceRejected': {
      const { [event.data.assistanceId]: _rejected, ...counted } = row.countedAssistance;
      return withCounted(row, counted);
    }
    case 'HardshipCaseClosed': {
      const { reason, closedOn } = event.data;
      return { ...row, status: 'closed', closedReason: reason, closedOn, nextReviewDue: null };
    }
    case 'HardshipCaseReopened': {
      const reopened = {
        status: 'open',
        causes: event.data.causes,
        closedReason: null,
        closedOn: null,
      } as const;
      return { ...row, ...tierFields(event.data), ...reopened };
    }
    case 'ReferralAttached':
      return row.referralIds.includes(event.data.referralId)
        ? row
        : { ...row, referralIds: [...row.referralIds, event.data.referralId] };
    case 'ExternalAssistanceRecorded':
      return row;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
