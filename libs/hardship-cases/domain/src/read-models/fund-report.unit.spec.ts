// The fund report (DOMAIN.md §4): received, allocated down, spent, remaining, by child node,
// summed over each child's own allocations; it adds up to the fen.
import { fundDecider, childFundCommand, type FundCommand } from '../fund/fund.decider';
import { fundStreamId, type FundEvent, type FundState } from '../fund/fund.events';
import { evolveFundRow, fundReport, type FundRow } from './fund-row.projection';

/** A tiny in-memory fund ledger: every fund's events, decided by the real decider. */
function ledger() {
  const streams = new Map<string, FundEvent[]>();
  const state = (id: string): FundState =>
    (streams.get(fundStreamId(id)) ?? []).reduce(fundDecider.evolve, fundDecider.initialState());
  const run = (id: string, command: FundCommand) => {
    const events = fundDecider.decide(command, state(id));
    streams.set(fundStreamId(id), [...(streams.get(fundStreamId(id)) ?? []), ...events]);
  };
  const by = { actor: 'admin', now: '2025-01-01T00:00:00.000Z' };
  return {
    run,
    allocate(from: string, to: string, path: string[], amountFen: number) {
      const allocation = { allocationId: `al-${to}`, childFundId: to, toOrgId: path.at(-1) ?? '', amountFen };
      run(from, { type: 'AllocateFund', ...allocation, toOrgPath: path });
      run(to, childFundCommand(state(from), allocation, by));
    },
    row: (id: string): FundRow => {
      const row = (streams.get(fundStreamId(id)) ?? []).reduce<FundRow | null>(evolveFundRow, null);
      if (!row) throw new Error(id);
      return row;
    },
  };
}

describe('fundReport', () => {
  it('groups by child node, sums each child subtree, and adds up to the fen', () => {
    const l = ledger();
    const by = { actor: 'admin', now: '2025-01-01T00:00:00.000Z' };
    l.run('prov-f', {
      type: 'CreateFund',
      fundId: 'prov-f',
      name: '帮扶资金',
      year: 2025,
      category: 'any',
      holderOrgId: 'prov',
      amountFen: 10_000_000,
      ...by,
    });
    l.allocate('prov-f', 'cityA-1', ['prov', 'cityA'], 3_000_000);
    l.allocate('prov-f', 'cityA-2', ['prov', 'cityA'], 1_000_001);
    l.allocate('prov-f', 'cityB-1', ['prov', 'cityB'], 2_000_000);
    l.allocate('cityA-1', 'county-1', ['prov', 'cityA', 'county'], 1_200_000);
    const draw = (fund: string, amountFen: number, path: string[]): FundCommand => ({
      type: 'DrawFund',
      assistanceId: `as-${fund}-${amountFen}`,
      caseId: 'c',
      category: 'living',
      amountFen,
      caseUnitPath: path,
    });
    l.run('prov-f', draw('prov-f', 500_000, ['prov', 'cityB', 'plant']));
    l.run('cityA-1', draw('cityA-1', 700_000, ['prov', 'cityA']));
    l.run('county-1', draw('county-1', 1_199_999, ['prov', 'cityA', 'county']));
    l.run('cityB-1', { type: 'ReserveForBatch', batchId: 'b', amountFen: 900_000 });
    l.run('cityB-1', { type: 'ReleaseBatch', batchId: 'b', amountFen: 100_000 });

    const ids = ['cityA-1', 'cityA-2', 'cityB-1', 'county-1'];
    const report = fundReport(l.row('prov-f'), [
      ...ids.map(l.row),
      { ...l.row('prov-f'), fundId: 'stray', parentFundId: 'elsewhere' },
    ]);

    expect(report.fund).toEqual({
      fundId: 'prov-f',
      holderOrgId: 'prov',
      receivedFen: 10_000_000,
      allocatedFen: 6_000_001,
      spentFen: 500_000,
      remainingFen: 3_499_999,
    });
    expect(report.byChild).toEqual([
      {
        orgId: 'cityA',
        fundIds: ['cityA-1', 'cityA-2'],
        receivedFen: 4_000_001,
        allocatedFen: 1_200_000,
        spentFen: 1_899_999,
        remainingFen: 2_100_002,
      },
      {
        orgId: 'cityB',
        fundIds: ['cityB-1'],
        receivedFen: 2_000_000,
        allocatedFen: 0,
        spentFen: 800_000,
        remainingFen: 1_200_000,
      },
    ]);
    for (const child of report.byChild) expect(child.spentFen + child.remainingFen).toBe(child.receivedFen);
    expect(report.byChild.reduce((s, c) => s + c.receivedFen, 0)).toBe(report.fund.allocatedFen);
    expect(report.total).toEqual({
      receivedFen: 10_000_000,
      allocatedFen: 6_000_001,
      spentFen: 3_199_999,
      remainingFen: 6_800_001,
    });
    expect(report.total.spentFen + report.total.remainingFen).toBe(report.total.receivedFen);
  });
});
