import { budgetSegments, budgetSummary, formatPermille, permilleOf } from './budget';

describe('the budget bar, from fen with integers only', () => {
  it('gives each share in permille rounded down', () => {
    expect(permilleOf(700_000, 900_000)).toBe(777);
    expect(permilleOf(200_000, 900_000)).toBe(222);
    expect(permilleOf(900_000, 900_000)).toBe(1000);
    expect(permilleOf(1, 900_000)).toBe(0);
    expect(permilleOf(999, 1000)).toBe(999);
    // 1/3 of a budget is 333.33… permille: rounded down, never up.
    expect(permilleOf(1, 3)).toBe(333);
    expect(permilleOf(2, 3)).toBe(666);
  });

  it('is exact where a float product would lose digits', () => {
    const budget = Number.MAX_SAFE_INTEGER; // 9007199254740991 fen
    expect(permilleOf(budget - 1, budget)).toBe(999);
    expect(permilleOf(budget, budget)).toBe(1000);
    // part * 1000 is far beyond 2^53 here; BigInt keeps it exact.
    expect(permilleOf(9_007_199_254_741, budget)).toBe(1);
    expect(permilleOf(9_007_199_254_740, budget)).toBe(0);
  });

  it('answers 0 for an empty budget or a part of nothing, and refuses a fraction of a fen', () => {
    expect(permilleOf(0, 0)).toBe(0);
    expect(permilleOf(5, 0)).toBe(0);
    expect(permilleOf(0, 900_000)).toBe(0);
    expect(() => permilleOf(0.5, 100)).toThrow(RangeError);
    expect(() => permilleOf(1, 100.5)).toThrow(RangeError);
  });

  it('writes a permille as a percent with one decimal, from its digits', () => {
    expect(formatPermille(777)).toBe('77.7%');
    expect(formatPermille(1000)).toBe('100.0%');
    expect(formatPermille(5)).toBe('0.5%');
    expect(formatPermille(0)).toBe('0.0%');
    expect(() => formatPermille(-1)).toThrow(RangeError);
    expect(() => formatPermille(1.5)).toThrow(RangeError);
  });

  it('lists disbursed, reserved and remaining with yuan and share, as the board shows them', () => {
    const figures = {
      budgetFen: 900_000,
      reservedFen: 200_000,
      disbursedFen: 500_000,
      remainingFen: 200_000,
    };
    expect(budgetSegments(figures).map((s) => [s.key, s.permille, s.text])).toEqual([
      ['disbursed', 555, '已发放 5,000.00 元（55.5%）'],
      ['reserved', 222, '已预留 2,000.00 元（22.2%）'],
      ['remaining', 222, '剩余 2,000.00 元（22.2%）'],
    ]);
    expect(budgetSummary(figures)).toBe(
      '预算 9,000.00 元，已发放 5,000.00 元（55.5%），已预留 2,000.00 元（22.2%），剩余 2,000.00 元（22.2%）',
    );
  });

  it('shows an untouched campaign as all remaining', () => {
    const figures = { budgetFen: 1_234_567, reservedFen: 0, disbursedFen: 0, remainingFen: 1_234_567 };
    expect(budgetSegments(figures).map((s) => s.text)).toEqual([
      '已发放 0.00 元（0.0%）',
      '已预留 0.00 元（0.0%）',
      '剩余 12,345.67 元（100.0%）',
    ]);
  });
});
