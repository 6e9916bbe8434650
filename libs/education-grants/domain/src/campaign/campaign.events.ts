import type { HardshipTier } from '@union/contracts';
import type { DomainEvent, Fen, IsoDate } from '@union/kernel';
import type { AmountsByLevelFen } from '../shared/grant-vocabulary';

/** An admin opened a campaign (金秋助学 of one year) with its budget, window and grant amounts. */
export type CampaignOpened = DomainEvent<
  'CampaignOpened',
  {
    readonly campaignId: string;
    readonly year: number;
    readonly name: string;
    readonly budgetFen: Fen;
    readonly opensOn: IsoDate;
    readonly closesOn: IsoDate;
    readonly schoolStartOn: IsoDate;
    readonly amountsByLevelFen: AmountsByLevelFen;
    readonly eligibleTiers: readonly HardshipTier[];
    readonly openedBy: string;
    readonly openedAt: string;
  }
>;

/** An admin closed the campaign: no new applications; pending ones are still reviewed. */
export type CampaignClosed = DomainEvent<
  'CampaignClosed',
  { readonly campaignId: string; readonly closedBy: string; readonly closedAt: string }
>;

/** An approval set an application's grant aside from the budget. */
export type BudgetReserved = DomainEvent<
  'BudgetReserved',
  { readonly applicationId: string; readonly amountFen: Fen }
>;

/**
 * Why a reservation went back to the budget. Only withdrawal happens today (rejection comes before
 * any reservation); `rejected` is in the union so a future reversal of an approval needs no new
 * event schema.
 */
export type ReleaseReason = 'withdrawn' | 'rejected';

/** A reservation went back to the remaining budget. */
export type ReservationReleased = DomainEvent<
  'ReservationReleased',
  { readonly applicationId: string; readonly amountFen: Fen; readonly reason: ReleaseReason }
>;

/** A reserved grant was paid: the amount moves from reserved to disbursed. */
export type GrantPaidFromBudget = DomainEvent<
  'GrantPaidFromBudget',
  { readonly applicationId: string; readonly amountFen: Fen }
>;

/** Every event of a `campaign-<uuid>` stream. */
export type CampaignEvent =
  CampaignOpened | CampaignClosed | BudgetReserved | ReservationReleased | GrantPaidFromBudget;

/** The life of one application's money in the budget. */
export type ReservationStatus = 'reserved' | 'paid' | 'released';

/** One application's reservation, kept after release or payment so a replayed command is a no-op. */
export interface Reservation {
  readonly amountFen: Fen;
  readonly status: ReservationStatus;
}

/**
 * The campaign as its decider sees it: the budget's totals, a fixed size however many
 * applications it funds, so a decision costs the same at event 20,000 as at event 20 (snapshots,
 * ARCHITECTURE.md). One application's reservation is not kept here: the service reads that
 * application's few events of the campaign and folds them with {@link reservationOf}.
 */
export interface CampaignState {
  readonly status: 'none' | 'open' | 'closed';
  /** The campaign as opened; null before `CampaignOpened`. */
  readonly opened: CampaignOpened['data'] | null;
  readonly budgetFen: Fen;
  readonly reservedFen: Fen;
  readonly disbursedFen: Fen;
}

/** The state of a stream with no events. */
export const initialCampaignState = (): CampaignState => ({
  status: 'none',
  opened: null,
  budgetFen: 0,
  reservedFen: 0,
  disbursedFen: 0,
});

/** What the budget can still reserve: budget - reserved - disbursed. */
export const remainingFen = (state: Pick<CampaignState, 'budgetFen' | 'reservedFen' | 'disbursedFen'>): Fen =>
  state.budgetFen - state.reservedFen - state.disbursedFen;

/** The campaign after one event. Pure; never throws, so any stored history folds. */
export function evolveCampaign(state: CampaignState, event: CampaignEvent): CampaignState {
  switch (event.type) {
    case 'CampaignOpened':
      return { ...state, status: 'open', opened: event.data, budgetFen: event.data.budgetFen };
    case 'CampaignClosed':
      return { ...state, status: 'closed' };
    case 'BudgetReserved':
      return { ...state, reservedFen: state.reservedFen + event.data.amountFen };
    case 'ReservationReleased':
      return { ...state, reservedFen: state.reservedFen - event.data.amountFen };
    case 'GrantPaidFromBudget': {
      const { amountFen } = event.data;
      return {
        ...state,
        reservedFen: state.reservedFen - amountFen,
        disbursedFen: state.disbursedFen + amountFen,
      };
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/**
 * One application's reservation after the campaign's events (events about other applications
 * change nothing). Null while the campaign never reserved for it. Pure; never throws.
 */
export function reservationOf(events: readonly CampaignEvent[], applicationId: string): Reservation | null {
  let reservation: Reservation | null = null;
  for (const event of events) {
    if (event.type === 'CampaignOpened' || event.type === 'CampaignClosed') continue;
    if (event.data.applicationId !== applicationId) continue;
    const status: ReservationStatus =
      event.type === 'BudgetReserved'
        ? 'reserved'
        : event.type === 'ReservationReleased'
          ? 'released'
          : 'paid';
    reservation = { amountFen: event.data.amountFen, status };
  }
  return reservation;
}
