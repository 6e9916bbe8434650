// Special funds (专项资金, DOMAIN.md §4): allocation down the tree, draws by assistance, batch
// reservations; the balance never goes below zero, and exactly the remainder is still covered.
import { fundDecider, type CreateFund, type FundCommand } from './fund.decider';
import { fundRemainingFen, spentFen, type FundEvent, type FundState } from './fund.events';
import { given } from '@union/kernel/testing';

const create = (over: Partial<CreateFund> = {}): CreateFund => ({
  type: 'CreateFund',
  fundId: 'f-1',
  name: '2025年困难职工帮扶专项资金',
  year: 2025,
  category: 'any',
  holderOrgId: 'prov',
  amountFen: 1_000_000,
  actor: 'admin-1',
  now: '2025-01-02T03:04:05.000Z',
  ...over,
});
const created = (over: Partial<CreateFund> = {}): FundEvent =>
  fundDecider.decide(create(over), fundDecider.initialState())[0];
const allocated = (amountFen: number, allocationId = 'al-1'): FundEvent => ({
  type: 'FundAllocated',
  data: { allocationId, toOrgId: 'city', childFundId: `child-${allocationId}`, amountFen },
});
const drawn = (amountFen: number, assistanceId = 'as-1'): FundEvent => ({
  type: 'FundDrawn',
  data: { assistanceId, caseId: 'c-1', amountFen },
});
const allocate = (amountFen: number, toOrgPath = ['nat', 'prov', 'city']): FundCommand => ({
  type: 'AllocateFund',
  allocationId: 'al-2',
  childFundId: 'child-al-2',
  toOrgId: toOrgPath.at(-1) ?? '',
  toOrgPath,
  amountFen,
});
const draw = (amountFen: number, over: Partial<FundCommand> = {}): FundCommand =>
  ({
    type: 'DrawFund',
    assistanceId: 'as-2',
    caseId: 'c-2',
    category: 'living',
    amountFen,
    caseUnitPath: ['nat', 'prov', 'city', 'plant'],
    ...over,
  }) as FundCommand;
const fold = (...events: FundEvent[]): FundState =>
  events.reduce(fundDecider.evolve, fundDecider.initialState());

describe('creating a fund', () => {
  it('records its terms, trimmed, with who created it', () => {
    given(fundDecider)
      .when(create({ name: ' 送温暖资金 ', category: 'holiday' }))
      .then([
        {
          type: 'FundCreated',
          data: {
            fundId: 'f-1',
            name: '送温暖资金',
            year: 2025,
            category: 'holiday',
            holderOrgId: 'prov',
            amountFen: 1_000_000,
            createdBy: 'admin-1',
            createdAt: '2025-01-02T03:04:05.000Z',
          },
        },
      ]);
  });

  it('lists every bad field at once, and refuses a fund that exists', () => {
    given(fundDecider)
      .when(create({ name: ' ', year: 1999, category: 'travel' as never, holderOrgId: '', amountFen: 1.5 }))
      .thenFails({
        code: 'VALIDATION_FAILED',
        fields: ['name', 'year', 'category', 'holderOrgId', 'amountFen'],
      });
    given(fundDecider, created()).when(create()).thenFails('CONFLICT');
  });
});

describe('allocating to a child node (下拨)', () => {
  it('allocates exactly the remaining balance, and refuses one fen more with BUDGET_EXHAUSTED', () => {
    const history = [created(), allocated(300_000), drawn(200_000)];
    given(fundDecider, ...history)
      .when(allocate(500_000))
      .then([
        {
          type: 'FundAllocated',
          data: { allocationId: 'al-2', toOrgId: 'city', childFundId: 'child-al-2', amountFen: 500_000 },
        },
      ]);
    given(fundDecider, ...history)
      .when(allocate(500_001))
      .thenFails({
        code: 'BUDGET_EXHAUSTED',
        details: { fundId: 'f-1', remainingFen: 500_000, requestedFen: 500_001 },
      });
  });

  it('goes only to a child of the holder: not the holder itself, a grandchild or another branch', () => {
    for (const path of [
      ['nat', 'prov'],
      ['nat', 'prov', 'city', 'plant'],
      ['nat', 'other', 'city'],
    ]) {
      given(fundDecider, created())
        .when(allocate(1, path))
        .thenFails({ code: 'RULE_VIOLATION', fields: ['toOrgId'] });
    }
  });

  it('needs the fund', () => {
    given(fundDecider).when(allocate(1)).thenFails('NOT_FOUND');
  });
});

describe('drawing for an assistance', () => {
  it('draws exactly the remainder, and refuses one fen more', () => {
    const history = [created(), allocated(400_000), drawn(100_000)];
    given(fundDecider, ...history)
      .when(draw(500_000))
      .then([{ type: 'FundDrawn', data: { assistanceId: 'as-2', caseId: 'c-2', amountFen: 500_000 } }]);
    given(fundDecider, ...history)
      .when(draw(500_001))
      .thenFails({ code: 'BUDGET_EXHAUSTED', details: { remainingFen: 500_000, requestedFen: 500_001 } });
  });

  it("pays only for the case's unit or its ancestors, and only its category or any", () => {
    given(fundDecider, created({ holderOrgId: 'plant', category: 'living' }))
      .when(draw(1))
      .then([{ type: 'FundDrawn', data: { assistanceId: 'as-2', caseId: 'c-2', amountFen: 1 } }]);
    given(fundDecider, created({ holderOrgId: 'other-city' }))
      .when(draw(1))
      .thenFails({
        code: 'RULE_VIOLATION',
        fields: ['fundId'],
        message: /neither the case's unit nor above it/,
      });
    given(fundDecider, created({ category: 'medical' }))
      .when(draw(1))
      .thenFails({ code: 'RULE_VIOLATION', fields: ['fundId'], message: /for medical, not living/ });
  });

  it('names fundId when the fund does not exist', () => {
    given(fundDecider)
      .when(draw(1))
      .thenFails({ code: 'RULE_VIOLATION', fields: ['fundId'] });
  });

  it('gives a rejected draw back, never more than was drawn', () => {
    const history = [created({ amountFen: 500_000 }), drawn(500_000)];
    given(fundDecider, ...history)
      .when({ type: 'ReturnDraw', assistanceId: 'as-1', amountFen: 500_000 })
      .then([{ type: 'FundDrawReturned', data: { assistanceId: 'as-1', amountFen: 500_000 } }]);
    given(fundDecider, ...history)
      .when({ type: 'ReturnDraw', assistanceId: 'as-1', amountFen: 500_001 })
      .thenFails('CONFLICT');
    const after = fold(...history, {
      type: 'FundDrawReturned',
      data: { assistanceId: 'as-1', amountFen: 500_000 },
    });
    expect(fundRemainingFen(after)).toBe(500_000);
    const returned: FundEvent = {
      type: 'FundDrawReturned',
      data: { assistanceId: 'as-1', amountFen: 500_000 },
    };
    given(fundDecider, ...history, returned)
      .when(draw(500_000))
      .then([{ type: 'FundDrawn', data: { assistanceId: 'as-2', caseId: 'c-2', amountFen: 500_000 } }]);
  });
});

describe('holiday batches', () => {
  const reserve = (batchId: string, amountFen: number): FundCommand => ({
    type: 'ReserveForBatch',
    batchId,
    amountFen,
  });
  const release = (batchId: string, amountFen: number): FundCommand => ({
    type: 'ReleaseBatch',
    batchId,
    amountFen,
  });
  const reserved = (batchId: string, amountFen: number): FundEvent => ({
    type: 'FundReservedForBatch',
    data: { batchId, amountFen },
  });

  it('reserves exactly the remainder, refuses one fen more, and a replay is a no-op', () => {
    given(fundDecider, created(), drawn(1))
      .when(reserve('b-1', 999_999))
      .then([reserved('b-1', 999_999)]);
    given(fundDecider, created(), drawn(1)).when(reserve('b-1', 1_000_000)).thenFails('BUDGET_EXHAUSTED');
    given(fundDecider, created(), reserved('b-1', 10)).when(reserve('b-1', 10)).then([]);
    given(fundDecider, created(), reserved('b-1', 10)).when(reserve('b-1', 11)).thenFails('CONFLICT');
  });

  it('releases what a batch did not use, at most what it still holds', () => {
    const history = [created(), reserved('b-1', 600_000)];
    given(fundDecider, ...history)
      .when(release('b-1', 150_000))
      .then([{ type: 'FundBatchReleased', data: { batchId: 'b-1', amountFen: 150_000 } }]);
    given(fundDecider, ...history)
      .when(release('b-1', 0))
      .then([]);
    given(fundDecider, ...history)
      .when(release('b-1', 600_001))
      .thenFails('CONFLICT');
    given(fundDecider, ...history)
      .when(release('b-2', 1))
      .thenFails('CONFLICT');
    const after = fold(...history, {
      type: 'FundBatchReleased',
      data: { batchId: 'b-1', amountFen: 150_000 },
    });
    expect(spentFen(after)).toBe(450_000);
    expect(fundRemainingFen(after)).toBe(550_000);
  });
});

describe('fund state', () => {
  it('adds up: amount = allocated + spent + remaining, and survives JSON (snapshots)', () => {
    const state = fold(created(), allocated(250_000), drawn(100_000), {
      type: 'FundReservedForBatch',
      data: { batchId: 'b', amountFen: 300_000 },
    });
    expect(state.amountFen).toBe(state.allocatedFen + spentFen(state) + fundRemainingFen(state));
    expect(fundRemainingFen(state)).toBe(350_000);
    expect(JSON.parse(JSON.stringify(state))).toStrictEqual(state);
    // Pinned to snapshots.stateVersion: a change to evolveFund or FundState must bump it.
    expect(fundDecider.snapshots?.stateVersion).toBe(1);
    expect(Object.keys(state).sort()).toEqual([
      'allocatedFen',
      'amountFen',
      'batches',
      'created',
      'drawnFen',
      'status',
    ]);
  });
});
