import type { HardshipTier } from '@union/contracts';
import type { Consent, Fen, IsoDate } from '@union/kernel';
import type { AssistanceStatus, HardshipCause, Household, Pairing } from '../shared/hardship-vocabulary';
import type { CaseEvent } from './case.events';

/** What the decider remembers of one assistance: enough for the cap and the four-eyes rule. */
export interface AssistanceEntry {
  readonly amountFen: Fen;
  /** The fund it drew on (null before funds): a rejection gives the amount back to it. */
  readonly fundId: string | null;
  readonly status: AssistanceStatus;
  readonly recordedBy: string;
  readonly recordedOn: IsoDate;
  /** The holiday batch that gave it, if one did. */
  readonly batchId?: string;
}

/** A case file as its decider sees it. */
export interface CaseState {
  readonly status: 'none' | 'open' | 'closed';
  readonly caseId: string;
  readonly personRef: string;
  readonly regionCode: string;
  /** The figures of the last assessment (opening, reassessment or reopening). */
  readonly household: Household | null;
  readonly emergencyExpenseFen?: Fen;
  readonly causes: readonly HardshipCause[];
  readonly tier: HardshipTier | null;
  readonly nextReviewDue: IsoDate | null;
  readonly pairing: Pairing | null;
  readonly assistance: Readonly<Record<string, AssistanceEntry>>;
  readonly referralIds: readonly string[];
  readonly externalSourceEventIds: readonly string[];
  /** The worker's signed authorisation given at the opening; null for a case opened before it was required. */
  readonly consent: Consent | null;
}

/** The state of a stream with no events. */
export const initialCaseState = (): CaseState => ({
  status: 'none',
  caseId: '',
  personRef: '',
  regionCode: '',
  household: null,
  causes: [],
  tier: null,
  nextReviewDue: null,
  pairing: null,
  assistance: {},
  referralIds: [],
  externalSourceEventIds: [],
  consent: null,
});

function withAssistanceStatus(state: CaseState, id: string, status: AssistanceStatus): CaseState {
  const entry = state.assistance[id];
  if (!entry) return state;
  return { ...state, assistance: { ...state.assistance, [id]: { ...entry, status } } };
}

/** The case after one event. Pure and total: any stored history folds without throwing. */
export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  switch (event.type) {
    case 'HardshipCaseOpened': {
      const d = event.data;
      const { caseId, personRef, regionCode, household, emergencyExpenseFen, causes, tier, nextReviewDue } =
        d;
      const base = {
        ...initialCaseState(),
        caseId,
        personRef,
        regionCode,
        household,
        causes,
        tier,
        nextReviewDue,
      };
      return {
        ...base,
        status: 'open',
        emergencyExpenseFen,
        referralIds: d.referralId ? [d.referralId] : [],
        consent: d.consent ?? null,
      };
    }
    case 'HardshipCaseReassessed':
    case 'HardshipCaseReopened': {
      const { household, emergencyExpenseFen, causes, tier, nextReviewDue } = event.data;
      const status = event.type === 'HardshipCaseReopened' ? 'open' : state.status;
      return { ...state, status, household, emergencyExpenseFen, causes, tier, nextReviewDue };
    }
    case 'HardshipTierChanged':
      return { ...state, tier: event.data.toTier };
    case 'HomeVisitRecorded':
      return state;
    case 'PairingAssigned': {
      const { helperName, helperUnit, assignedOn } = event.data;
      return { ...state, pairing: { helperName, helperUnit, assignedOn } };
    }
    case 'AssistanceRecorded': {
      const { assistanceId, amountFen, status, recordedBy, recordedOn, batchId } = event.data;
      const entry: AssistanceEntry = {
        amountFen,
        fundId: event.data.fundId ?? null,
        status,
        recordedBy,
        recordedOn,
        ...(batchId !== undefined && { batchId }),
      };
      return { ...state, assistance: { ...state.assistance, [assistanceId]: entry } };
    }
    case 'AssistanceApproved':
      return withAssistanceStatus(state, event.data.assistanceId, 'disbursed');
    case 'AssistanceRejected':
      return withAssistanceStatus(state, event.data.assistanceId, 'rejected');
    case 'HardshipCaseClosed':
      return { ...state, status: 'closed', nextReviewDue: null };
    case 'ReferralAttached':
      return { ...state, referralIds: [...state.referralIds, event.data.referralId] };
    case 'ExternalAssistanceRecorded':
      return {
        ...state,
        externalSourceEventIds: [...state.externalSourceEventIds, event.data.sourceEventId],
      };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/**
 * What counts toward a calendar year's cap: assistance recorded in `year`, disbursed or awaiting
 * approval (DOMAIN.md §1: rejected requests do not count).
 */
export function assistanceInYearFen(state: CaseState, year: string): Fen {
  return Object.values(state.assistance)
    .filter((a) => a.status !== 'rejected' && a.recordedOn.slice(0, 4) === year)
    .reduce((sum, a) => sum + a.amountFen, 0);
}
