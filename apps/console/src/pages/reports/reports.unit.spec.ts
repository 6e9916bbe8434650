import { cellText } from '../../export/figure-table';
import { sheetOf } from '../../export/sheet';
import {
  budgetOption,
  categoryOption,
  gaugeOption,
  OVER_RED,
  payoutsOption,
  unitOption,
  WITHIN_BLUE,
  yuanTick,
  yuanTip,
} from './chart-options';
import {
  bpOf,
  budgetTable,
  categoryTable,
  fundTable,
  payoutsTable,
  tierTable,
  unitTable,
  type Campaign,
  type FundReport,
  type HardshipStats,
} from './report-tables';

const shown = (t: ReturnType<typeof tierTable>) =>
  t.rows.map((r) => r.map((c, i) => cellText(t.columns[i].kind, c)));
const zero = { count: 0, amountFen: 0 };

const fund = (usageRateBp: number | null): FundReport => ({
  periodId: 'p-1',
  membersPaid: 2,
  membersWaived: 1,
  contributionsFen: 20_000,
  claimsPaid: 1,
  payoutsFen: 20_701,
  seriousIllnessAidFen: 0,
  usageRateBp,
  deficit: usageRateBp !== null && usageRateBp > 10_000,
  payoutsByMonth: [
    { month: '2026-02', claimsPaid: 1, payoutsFen: 701 },
    { month: '2026-09', claimsPaid: 2, payoutsFen: 20_000 },
  ],
});

const openCases = (deep: number, relative: number, emergency: number) => ({
  total: deep + relative + emergency,
  byTier: { deep, relative, emergency },
});
const figures = {
  peopleAssisted: 3,
  distinctPeople: 2,
  totalFen: 300_001,
  byCategory: {
    living: { count: 1, amountFen: 100_000 },
    medical: { count: 2, amountFen: 200_001 },
    education: zero,
    holiday: zero,
    emergency: zero,
  },
  byFundSource: {},
  pendingApproval: zero,
};
const stats: HardshipStats = {
  ...figures,
  year: 2026,
  unitId: null,
  orgId: 'ha-ly-xgq',
  openCases: openCases(2, 1, 0),
  byChild: [
    { ...figures, orgId: 'ha-ly-xgq-bh', name: '洛阳百货大楼有限公司工会', openCases: openCases(1, 1, 0) },
    {
      ...figures,
      orgId: 'ha-ly-xgq-gj',
      name: '洛阳市公共交通集团有限公司工会',
      openCases: openCases(1, 0, 0),
    },
  ],
};

describe('bpOf (a share in integer basis points)', () => {
  it('rounds down exactly, also where doubles would round up', () => {
    expect(bpOf(1, 3)).toBe(3_333);
    expect(bpOf(2, 3)).toBe(6_666);
    expect(bpOf(300_001, 300_001)).toBe(10_000);
    const c = 4_000_000_000_000_001;
    expect(bpOf(2 * c - 1, c)).toBe(19_999);
    expect(bpOf(5, 0)).toBeNull();
    expect(() => bpOf(0.5, 1)).toThrow(RangeError);
  });
});

describe('the fund usage gauge', () => {
  it('is red above 100%, says 超支, and reads the rate the API gave', () => {
    const g = gaugeOption(10_351);
    expect([g.colour, g.over, g.text]).toEqual([OVER_RED, true, '103.51%（超支）']);
    const series = (
      g.option.series as { progress: { itemStyle: { color: string } }; data: { value: number }[] }[]
    )[0];
    expect(series.progress.itemStyle.color).toBe(OVER_RED);
    expect(series.data[0].value).toBe(10_351);
  });

  it('is not red at exactly 100% or below, and has no rate while nothing was collected', () => {
    expect([gaugeOption(10_000).colour, gaugeOption(10_000).text]).toEqual([WITHIN_BLUE, '100.00%']);
    expect(gaugeOption(8_500).over).toBe(false);
    expect(gaugeOption(null)).toMatchObject({
      colour: WITHIN_BLUE,
      over: false,
      text: '暂无缴费，无法计算使用率',
    });
  });

  it('widens the dial for a rate above 150%', () => {
    const max = (bp: number) => (gaugeOption(bp).option.series as { max: number }[])[0].max;
    expect([max(9_000), max(15_000), max(15_001), max(23_456)]).toEqual([15_000, 15_000, 20_000, 25_000]);
  });
});

describe('bar charts of amounts', () => {
  it('plot integer fen and label them in yuan, ticking in whole yuan', () => {
    const option = payoutsOption(fund(10_351));
    expect((option.xAxis as { data: string[] }).data).toEqual(['2026年2月', '2026年9月']);
    expect((option.series as { data: number[] }[])[0].data).toEqual([701, 20_000]);
    expect((option.yAxis as { minInterval: number }).minInterval).toBe(100);
    expect([yuanTick(135_000), yuanTick(2.5), yuanTip(701), yuanTip(undefined)]).toEqual([
      '1,350.00',
      '',
      '7.01 元',
      '—',
    ]);
  });

  it('stack the campaign budget and each node by tier', () => {
    const campaign = {
      name: '2026年金秋助学',
      budgetFen: 1_000_000,
      disbursedFen: 500_000,
      reservedFen: 200_000,
      remainingFen: 300_000,
    } as Campaign;
    expect(
      (budgetOption(campaign).series as { name: string; data: number[] }[]).map((s) => [s.name, s.data]),
    ).toEqual([
      ['已发放', [500_000]],
      ['已批准待发放', [200_000]],
      ['剩余', [300_000]],
    ]);
    expect(
      (unitOption(stats).series as { name: string; data: number[] }[]).map((s) => [s.name, s.data]),
    ).toEqual([
      ['深度困难', [1, 1]],
      ['相对困难', [1, 0]],
      ['意外致困', [0, 0]],
    ]);
    expect((categoryOption(stats).series as { data: number[] }[])[0].data).toEqual([
      100_000, 200_001, 0, 0, 0,
    ]);
  });
});

describe('the report tables (what the charts draw, exact in yuan)', () => {
  it('fund use: the node and its children, the rate as the API gave it', () => {
    const report = { ...fund(10_351), byChild: [{ ...fund(null), orgId: 'c', name: '涧西区总工会' }] };
    expect(shown(fundTable(report, '西工区总工会'))).toEqual([
      ['西工区总工会', '2', '1', '200.00', '1', '207.01', '0.00', '103.51%', '是'],
      ['涧西区总工会', '2', '1', '200.00', '1', '207.01', '0.00', '暂无缴费', '否'],
    ]);
    expect(shown(payoutsTable(report))).toEqual([
      ['2026年2月', '1', '7.01'],
      ['2026年9月', '2', '200.00'],
    ]);
  });

  it('campaign budget with each part’s share', () => {
    const campaign = {
      name: '2026年金秋助学',
      budgetFen: 300_000,
      disbursedFen: 100_000,
      reservedFen: 100_000,
      remainingFen: 100_000,
    } as Campaign;
    const t = budgetTable(campaign);
    expect(t.title).toBe('2026年金秋助学预算使用');
    expect(shown(t)).toEqual([
      ['预算', '3,000.00', '100.00%'],
      ['已发放', '1,000.00', '33.33%'],
      ['已批准待发放', '1,000.00', '33.33%'],
      ['剩余', '1,000.00', '33.33%'],
    ]);
    expect(sheetOf(t).rows[1]).toEqual([
      { value: '已发放' },
      { value: 1000, numFmt: '#,##0.00' },
      { value: 0.3333, numFmt: '0.00%' },
    ]);
  });

  it('cases by tier and by unit, assistance by category', () => {
    expect(shown(tierTable(stats))).toEqual([
      ['深度困难', '2', '66.66%'],
      ['相对困难', '1', '33.33%'],
      ['意外致困', '0', '0.00%'],
      ['合计', '3', '100.00%'],
    ]);
    expect(shown(unitTable(stats))).toEqual([
      ['洛阳百货大楼有限公司工会', '1', '1', '0', '2'],
      ['洛阳市公共交通集团有限公司工会', '1', '0', '0', '1'],
    ]);
    expect(shown(categoryTable(stats))).toEqual([
      ['生活救助', '1', '1,000.00', '33.33%'],
      ['医疗救助', '2', '2,000.01', '66.66%'],
      ['助学', '0', '0.00', '0.00%'],
      ['节日慰问', '0', '0.00', '0.00%'],
      ['临时救助', '0', '0.00', '0.00%'],
      ['合计', '3', '3,000.01', '100.00%'],
    ]);
  });
});
