import { reasonInChinese, streamTypeOf } from './audit-labels';
import { formatBp, formatValue, labelOfPath, leavesOf, stateRows, summaryOf } from './state-view';

describe('a record state as rows', () => {
  const v1 = {
    status: 'open',
    tier: 'relative',
    household: { size: 3, monthlyIncomeFen: 360_000 },
    causes: ['illness'],
    assistance: {},
    pairing: null,
  };
  const v2 = {
    ...v1,
    tier: 'deep',
    household: { size: 3, monthlyIncomeFen: 240_000 },
    assistance: { '5f1c2a9e-0000-4000-8000-000000000001': { amountFen: 50_000, status: 'disbursed' } },
  };

  it('flattens objects by key and lists of records by index, keeping lists of codes whole', () => {
    const leaves = leavesOf({ a: { b: 1 }, c: ['x', 'y'], d: [{ e: 2 }], f: {} });
    expect([...leaves.entries()]).toEqual([
      ['a.b', 1],
      ['c', ['x', 'y']],
      ['d[0].e', 2],
      ['f', {}],
    ]);
  });

  it('marks what changed from the version before, with the previous value, and what was added', () => {
    const rows = stateRows(v2, v1);
    const byPath = Object.fromEntries(rows.map((r) => [r.path, r]));
    expect(byPath.tier).toMatchObject({
      label: '困难类型',
      value: '深度困难',
      change: 'changed',
      previous: '相对困难',
    });
    expect(byPath['household.monthlyIncomeFen']).toMatchObject({
      label: '家庭情况 · 家庭月收入',
      value: '2,400.00 元',
      change: 'changed',
      previous: '3,600.00 元',
    });
    expect(byPath['household.size'].change).toBe('same');
    expect(byPath['assistance.5f1c2a9e-0000-4000-8000-000000000001.amountFen']).toMatchObject({
      label: '帮扶记录 · #5f1c2a9e · 金额',
      value: '500.00 元',
      change: 'added',
    });
    // The empty assistance map of v1 is gone in v2: kept as a removed row.
    expect(byPath.assistance).toMatchObject({ change: 'removed', previous: '（无）' });
    expect(byPath.causes).toMatchObject({ value: '因病', change: 'same' });
  });

  it('marks nothing without a version before', () => {
    expect(stateRows(v1).every((r) => r.change === 'same')).toBe(true);
  });

  it('formats fen as yuan, basis points as a percentage, dates and codes in Chinese, never through a float', () => {
    expect(formatValue('relativeLineFen', 135_001)).toBe('1,350.01 元');
    expect(formatValue('relativeMultiplierBp', 15_000)).toBe('150.00%');
    expect(formatBp(5_005)).toBe('50.05%');
    expect(formatValue('nextReviewDue', '2027-03-01')).toBe('2027年3月1日');
    expect(formatValue('eligibleTiers', ['deep', 'relative'])).toBe('深度困难、相对困难');
    expect(formatValue('recurring', false)).toBe('否');
    expect(formatValue('pairing', null)).toBe('—');
    expect(labelOfPath('quote.bands[1].ratioBp')).toBe('测算结果 · 分段 · 第2项 · 比例');
  });

  it("sums up what an event decided: money and codes first, a quote's bands left out", () => {
    expect(
      summaryOf({
        claimId: 'c-1',
        quote: { bands: [{ amountFen: 1 }], payoutFen: 2_345_600, eligibleFen: 5_000_000 },
        outOfPocketFen: 6_000_000,
      }),
    ).toBe('互助金 23,456.00 元 · 个人自付 60,000.00 元');
    expect(summaryOf({ amountFen: 50_000, category: 'medical', kind: 'cash', reason: '住院' })).toBe(
      '金额 500.00 元 · 类别 医疗救助 · 形式 现金 · 理由 住院',
    );
  });
});

describe('audit words', () => {
  it('names the stream type of a stream id', () => {
    expect(streamTypeOf('case-3f2b')).toBe('case');
    expect(streamTypeOf('holiday-batch-3f2b')).toBe('holiday-batch');
    expect(streamTypeOf('member-p1-abc')).toBe('member');
  });

  it("puts verify's reasons in Chinese", () => {
    expect(reasonInChinese('hash does not match the event content (altered)')).toBe(
      '事件内容与其哈希不符：该事件被改动过',
    );
    expect(
      reasonInChinese(
        'the sealed event at position 57 is missing (3 sealed in positions 55..57, 2 found: the newest events were removed)',
      ),
    ).toBe('封存时位于位置 57 的事件已不存在：最新的事件被删除');
    expect(reasonInChinese('version 3 of the stream is missing')).toBe('该记录的第 3 版缺失：事件被删除');
    expect(reasonInChinese('something new')).toBe('校验未通过');
  });
});
