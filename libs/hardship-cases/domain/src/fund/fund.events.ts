import type { DomainEvent, Fen } from '@union/kernel';
import type { FundCategory } from '../shared/hardship-vocabulary';

/** The stream of one special fund (专项资金). */
export const fundStreamId = (fundId: string): string => `fund-${fundId}`;

/**
 * A fund was set up: by an admin (`POST /funds`), or as the child's side of an allocation (下拨),
 * then with the parent fund and the allocation it came from, in the allocation's transaction.
 */
export type FundCreated = DomainEvent<
  'FundCreated',
  {
    readonly fundId: string;
    readonly name: string;
    readonly year: number;
    readonly category: FundCategory;
    readonly holderOrgId: string;
    readonly amountFen: Fen;
    readonly parentFundId?: string;
    readonly allocationId?: string;
    readonly createdBy: string;
    readonly createdAt: string;
  }
>;

/** The holder passed part of the fund down to a child node, which holds it as `childFundId`. */
export type FundAllocated = DomainEvent<
  'FundAllocated',
  {
    readonly allocationId: string;
    readonly toOrgId: string;
    readonly childFundId: string;
    readonly amountFen: Fen;
    readonly note?: string;
  }
>;

/** An assistance on a case was paid from the fund (at request, also while awaiting approval). */
export type FundDrawn = DomainEvent<
  'FundDrawn',
  { readonly assistanceId: string; readonly caseId: string; readonly amountFen: Fen }
>;

/** A rejected or withdrawn assistance gave its amount back. */
export type FundDrawReturned = DomainEvent<
  'FundDrawReturned',
  { readonly assistanceId: string; readonly amountFen: Fen }
>;

/** A holiday batch (送温暖) set its whole total aside when it was approved. */
export type FundReservedForBatch = DomainEvent<
  'FundReservedForBatch',
  { readonly batchId: string; readonly amountFen: Fen }
>;

/** A batch gave back what it did not use of its reservation. */
export type FundBatchReleased = DomainEvent<
  'FundBatchReleased',
  { readonly batchId: string; readonly amountFen: Fen }
>;

/** Every event of a `fund-<uuid>` stream. */
export type FundEvent =
  FundCreated | FundAllocated | FundDrawn | FundDrawReturned | FundReservedForBatch | FundBatchReleased;

/** One batch's money in the fund: what it set aside and what it gave back. */
export interface BatchReservation {
  readonly reservedFen: Fen;
  readonly releasedFen: Fen;
}

/**
 * A fund as its decider sees it: its terms and its totals. Draws are not kept one by one (a fund
 * pays thousands of assistances); the case that drew says what it drew. Batches are few, so each
 * one's reservation is kept, which makes a replayed reservation or release a no-op.
 */
export interface FundState {
  readonly status: 'none' | 'active';
  /** The fund as created; null before `FundCreated`. */
  readonly created: FundCreated['data'] | null;
  readonly amountFen: Fen;
  readonly allocatedFen: Fen;
  /** Drawn by assistance, net of what came back. */
  readonly drawnFen: Fen;
  readonly batches: Readonly<Record<string, BatchReservation>>;
}

/** The state of a stream with no events. */
export const initialFundState = (): FundState => ({
  status: 'none',
  created: null,
  amountFen: 0,
  allocatedFen: 0,
  drawnFen: 0,
  batches: {},
});

/** Reserved for batches, net of what they released. */
export const batchReservedFen = (state: Pick<FundState, 'batches'>): Fen =>
  Object.values(state.batches).reduce((sum, b) => sum + b.reservedFen - b.releasedFen, 0);

/** What the fund paid out or set aside: drawn + reserved − released. */
export const spentFen = (state: Pick<FundState, 'drawnFen' | 'batches'>): Fen =>
  state.drawnFen + batchReservedFen(state);

/** What the holder can still draw, reserve or allocate: amount − allocated − spent. */
export const fundRemainingFen = (
  state: Pick<FundState, 'amountFen' | 'allocatedFen' | 'drawnFen' | 'batches'>,
): Fen => state.amountFen - state.allocatedFen - spentFen(state);

function withBatch(state: FundState, batchId: string, change: Partial<BatchReservation>): FundState {
  const batch = state.batches[batchId] ?? { reservedFen: 0, releasedFen: 0 };
  return { ...state, batches: { ...state.batches, [batchId]: { ...batch, ...change } } };
}

/** The fund after one event. Pure; never throws, so any stored history folds. */
export function evolveFund(state: FundState, event: FundEvent): FundState {
  switch (event.type) {
    case 'FundCreated':
      return {
        ...initialFundState(),
        status: 'active',
        created: event.data,
        amountFen: event.data.amountFen,
      };
    case 'FundAllocated':
      return { ...state, allocatedFen: state.allocatedFen + event.data.amountFen };
    case 'FundDrawn':
      return { ...state, drawnFen: state.drawnFen + event.data.amountFen };
    case 'FundDrawReturned':
      return { ...state, drawnFen: state.drawnFen - event.data.amountFen };
    case 'FundReservedForBatch': {
      const reservedFen = (state.batches[event.data.batchId]?.reservedFen ?? 0) + event.data.amountFen;
      return withBatch(state, event.data.batchId, { reservedFen });
    }
    case 'FundBatchReleased': {
      const releasedFen = (state.batches[event.data.batchId]?.releasedFen ?? 0) + event.data.amountFen;
      return withBatch(state, event.data.batchId, { releasedFen });
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
