import { DomainError, type Decider, type Fen } from '@union/kernel';
import { FUND_CATEGORIES, type AssistanceCategory, type FundCategory } from '../shared/hardship-vocabulary';
import { check, compact, requireFen, requireOneOf, requireText, throwIfInvalid } from '../shared/validation';
import {
  evolveFund,
  fundRemainingFen,
  initialFundState,
  type FundCreated,
  type FundEvent,
  type FundState,
} from './fund.events';

/** Set up a fund; with `parentFundId` and `allocationId` it is the child's side of an allocation. */
export interface CreateFund {
  readonly type: 'CreateFund';
  readonly fundId: string;
  readonly name: string;
  readonly year: number;
  readonly category: FundCategory;
  readonly holderOrgId: string;
  readonly amountFen: Fen;
  readonly parentFundId?: string;
  readonly allocationId?: string;
  readonly actor: string;
  readonly now: string;
}

/**
 * Pass part of the fund down to a child node (下拨). `toOrgPath` is the path of `toOrgId` from
 * the root, itself last, as the service's org scope knows it: the decider never looks it up.
 */
export interface AllocateFund {
  readonly type: 'AllocateFund';
  readonly allocationId: string;
  readonly childFundId: string;
  readonly toOrgId: string;
  readonly toOrgPath: readonly string[];
  readonly amountFen: Fen;
  readonly note?: string;
}

/**
 * Pay an assistance from the fund, in the transaction that records it on the case.
 * `caseUnitPath` is the path of the case's unit from the root, itself last.
 */
export interface DrawFund {
  readonly type: 'DrawFund';
  readonly assistanceId: string;
  readonly caseId: string;
  readonly category: AssistanceCategory;
  readonly amountFen: Fen;
  readonly caseUnitPath: readonly string[];
}

/** Give a rejected or withdrawn assistance's draw back; the case says what it drew. */
export interface ReturnDraw {
  readonly type: 'ReturnDraw';
  readonly assistanceId: string;
  readonly amountFen: Fen;
}

/** Set a holiday batch's total aside (at its approval). */
export interface ReserveForBatch {
  readonly type: 'ReserveForBatch';
  readonly batchId: string;
  readonly amountFen: Fen;
}

/** Give back what a batch did not use of its reservation. */
export interface ReleaseBatch {
  readonly type: 'ReleaseBatch';
  readonly batchId: string;
  readonly amountFen: Fen;
}

/** Every command on a fund. */
export type FundCommand = CreateFund | AllocateFund | DrawFund | ReturnDraw | ReserveForBatch | ReleaseBatch;

const notFound = (): DomainError => new DomainError('NOT_FOUND', 'There is no such fund.');

/**
 * The fund cannot cover `requestedFen` (409 `BUDGET_EXHAUSTED`, the code of the grants budget):
 * its balance never goes below zero. Exactly the remaining balance is still covered.
 */
export function fundNotCovered(state: FundState, requestedFen: Fen, what: string): DomainError {
  const remainingFen = fundRemainingFen(state);
  return new DomainError(
    'BUDGET_EXHAUSTED',
    `The fund's remaining balance (${remainingFen} fen) cannot cover ${what} (${requestedFen} fen).`,
    { details: { fundId: state.created?.fundId, remainingFen, requestedFen } },
  );
}

/** True for the refusal {@link fundNotCovered} throws. */
export const isFundNotCovered = (error: unknown): error is DomainError =>
  error instanceof DomainError && error.code === 'BUDGET_EXHAUSTED';

function requireFund(state: FundState): NonNullable<FundState['created']> {
  if (state.status === 'none' || state.created === null) throw notFound();
  return state.created;
}

function assertCovered(state: FundState, amountFen: Fen, what: string): void {
  throwIfInvalid([requireFen(amountFen, 'amountFen', { positive: true })]);
  if (fundRemainingFen(state) < amountFen) throw fundNotCovered(state, amountFen, what);
}

function createFund(command: CreateFund, state: FundState): FundEvent[] {
  if (state.status !== 'none') {
    throw new DomainError('CONFLICT', 'This fund exists already.', { details: { fundId: command.fundId } });
  }
  throwIfInvalid([
    requireText(command.name, 'name'),
    check(
      typeof command.name !== 'string' || command.name.trim().length <= 100,
      'name',
      'name is at most 100 characters.',
    ),
    check(
      Number.isInteger(command.year) && command.year >= 2000 && command.year <= 2100,
      'year',
      `year must be a year between 2000 and 2100; got ${String(command.year)}.`,
    ),
    requireOneOf(command.category, FUND_CATEGORIES, 'category'),
    requireText(command.holderOrgId, 'holderOrgId'),
    requireFen(command.amountFen, 'amountFen', { positive: true }),
  ]);
  const data: FundCreated['data'] = compact({
    fundId: command.fundId,
    name: command.name.trim(),
    year: command.year,
    category: command.category,
    holderOrgId: command.holderOrgId,
    amountFen: command.amountFen,
    parentFundId: command.parentFundId,
    allocationId: command.allocationId,
    createdBy: command.actor,
    createdAt: command.now,
  });
  return [{ type: 'FundCreated', data }];
}

/** Only to a child node of the holder: money flows down the tree one level at a time. */
function allocateFund(command: AllocateFund, state: FundState): FundEvent[] {
  const fund = requireFund(state);
  const { toOrgId, toOrgPath } = command;
  const isChild =
    toOrgPath.length >= 2 && toOrgPath.at(-1) === toOrgId && toOrgPath.at(-2) === fund.holderOrgId;
  if (!isChild) {
    const message = `toOrgId must be a child node of the fund's holder ${fund.holderOrgId}; ${toOrgId} is not.`;
    throw new DomainError('RULE_VIOLATION', message, { errors: [{ field: 'toOrgId', message }] });
  }
  assertCovered(state, command.amountFen, 'this allocation');
  const note = command.note?.trim() || undefined;
  const { allocationId, childFundId, amountFen } = command;
  return [{ type: 'FundAllocated', data: compact({ allocationId, toOrgId, childFundId, amountFen, note }) }];
}

/**
 * What an assistance may be paid from: a fund held by the case's unit or one of its ancestors,
 * of the assistance's category or `any` (DOMAIN.md §4). Otherwise 422 on `fundId`.
 */
export function assertFundServes(
  fund: Pick<FundCreated['data'], 'holderOrgId' | 'category'>,
  assistance: { readonly category: AssistanceCategory; readonly caseUnitPath: readonly string[] },
): void {
  const problems: string[] = [];
  if (!assistance.caseUnitPath.includes(fund.holderOrgId)) {
    problems.push(`is held by ${fund.holderOrgId}, which is neither the case's unit nor above it`);
  }
  if (fund.category !== 'any' && fund.category !== assistance.category) {
    problems.push(`is for ${fund.category}, not ${assistance.category}`);
  }
  if (problems.length === 0) return;
  const message = `This fund cannot pay this assistance: it ${problems.join(' and ')}.`;
  throw new DomainError('RULE_VIOLATION', message, { errors: [{ field: 'fundId', message }] });
}

function drawFund(command: DrawFund, state: FundState): FundEvent[] {
  if (state.created === null) {
    // The assistance names a fund that does not exist: its input is wrong, not the route.
    const message = 'There is no such fund.';
    throw new DomainError('RULE_VIOLATION', message, { errors: [{ field: 'fundId', message }] });
  }
  const fund = state.created;
  assertFundServes(fund, command);
  assertCovered(state, command.amountFen, 'this assistance');
  const { assistanceId, caseId, amountFen } = command;
  return [{ type: 'FundDrawn', data: { assistanceId, caseId, amountFen } }];
}

function returnDraw(command: ReturnDraw, state: FundState): FundEvent[] {
  requireFund(state);
  throwIfInvalid([requireFen(command.amountFen, 'amountFen', { positive: true })]);
  if (command.amountFen > state.drawnFen) {
    // A return of more than was drawn would create money; the case's own rules prevent it.
    throw new DomainError('CONFLICT', 'The fund has not paid this much; nothing can be given back.', {
      details: { drawnFen: state.drawnFen, requestedFen: command.amountFen },
    });
  }
  const { assistanceId, amountFen } = command;
  return [{ type: 'FundDrawReturned', data: { assistanceId, amountFen } }];
}

/** A second reservation of the same amount for the same batch is a replay; another amount is a conflict. */
function reserveForBatch(command: ReserveForBatch, state: FundState): FundEvent[] {
  requireFund(state);
  const { batchId, amountFen } = command;
  const existing = state.batches[batchId];
  if (existing) {
    if (existing.reservedFen === amountFen) return [];
    throw new DomainError('CONFLICT', 'This batch has already reserved another amount from the fund.', {
      details: { batchId, reservedFen: existing.reservedFen, requestedFen: amountFen },
    });
  }
  assertCovered(state, amountFen, 'this batch');
  return [{ type: 'FundReservedForBatch', data: { batchId, amountFen } }];
}

/** Gives back at most what the batch still holds; releasing nothing emits nothing. */
function releaseBatch(command: ReleaseBatch, state: FundState): FundEvent[] {
  requireFund(state);
  const { batchId, amountFen } = command;
  throwIfInvalid([requireFen(amountFen, 'amountFen')]);
  const batch = state.batches[batchId];
  const heldFen = batch ? batch.reservedFen - batch.releasedFen : 0;
  if (amountFen === 0) return [];
  if (amountFen > heldFen) {
    throw new DomainError('CONFLICT', 'The batch holds less than this in the fund; nothing was released.', {
      details: { batchId, heldFen, requestedFen: amountFen },
    });
  }
  return [{ type: 'FundBatchReleased', data: { batchId, amountFen } }];
}

/** Decides a fund command against the folded stream. @throws DomainError */
export function decideFund(command: FundCommand, state: FundState): FundEvent[] {
  switch (command.type) {
    case 'CreateFund':
      return createFund(command, state);
    case 'AllocateFund':
      return allocateFund(command, state);
    case 'DrawFund':
      return drawFund(command, state);
    case 'ReturnDraw':
      return returnDraw(command, state);
    case 'ReserveForBatch':
      return reserveForBatch(command, state);
    case 'ReleaseBatch':
      return releaseBatch(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/**
 * The child's fund an allocation creates: the parent's name, year and category, held by the
 * node it went to. Decided on the child's stream in the allocation's transaction.
 */
export function childFundCommand(
  parent: FundState,
  allocation: Pick<AllocateFund, 'allocationId' | 'childFundId' | 'toOrgId' | 'amountFen'>,
  by: { readonly actor: string; readonly now: string },
): CreateFund {
  const fund = requireFund(parent);
  return {
    type: 'CreateFund',
    fundId: allocation.childFundId,
    name: fund.name,
    year: fund.year,
    category: fund.category,
    holderOrgId: allocation.toOrgId,
    amountFen: allocation.amountFen,
    parentFundId: fund.fundId,
    allocationId: allocation.allocationId,
    actor: by.actor,
    now: by.now,
  };
}

/**
 * The fund aggregate (stream `fund-<uuid>`). Its stream grows with every assistance it pays, so
 * it is decided from a snapshot (every 100 events), as the grants campaign.
 */
export const fundDecider: Decider<FundState, FundCommand, FundEvent> = {
  initialState: initialFundState,
  evolve: evolveFund,
  decide: decideFund,
  // Bump stateVersion with any change to evolveFund or FundState (fund.unit.spec.ts pins it).
  snapshots: { stateVersion: 1, every: 100 },
};
