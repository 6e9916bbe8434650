import { formatMultiplier, formatPercent, formatTimes, parseMultiplier } from './ratio';

describe('ratios in basis points, without floats', () => {
  it('shows a multiplier as people write it', () => {
    expect(formatTimes(15_000)).toBe('1.5 倍');
    expect(formatMultiplier(10_000)).toBe('1');
    expect(formatMultiplier(13_333)).toBe('1.3333');
    expect(formatMultiplier(100_000)).toBe('10');
    expect(formatMultiplier(11_000)).toBe('1.1');
    expect(formatMultiplier(500)).toBe('0.05');
    expect(() => formatMultiplier(1.5)).toThrow(RangeError);
  });

  it('reads a typed multiplier to the basis point, and refuses anything else', () => {
    expect(parseMultiplier('1.5')).toBe(15_000);
    expect(parseMultiplier(' 1.1 ')).toBe(11_000);
    expect(parseMultiplier('2')).toBe(20_000);
    expect(parseMultiplier('1.3333')).toBe(13_333);
    expect(parseMultiplier('1.33333')).toBeUndefined();
    expect(parseMultiplier('1,5')).toBeUndefined();
    expect(parseMultiplier('-1.5')).toBeUndefined();
    expect(parseMultiplier('1.5倍')).toBeUndefined();
    expect(parseMultiplier('')).toBeUndefined();
    expect(parseMultiplier('9'.repeat(20))).toBeUndefined();
    for (const bp of [10_000, 11_000, 12_345, 15_000, 99_999])
      expect(parseMultiplier(formatMultiplier(bp))).toBe(bp);
  });

  it('shows a band ratio as a percentage', () => {
    expect(formatPercent(5_000)).toBe('50%');
    expect(formatPercent(6_000)).toBe('60%');
    expect(formatPercent(3_333)).toBe('33.33%');
    expect(formatPercent(10_000)).toBe('100%');
    expect(formatPercent(5)).toBe('0.05%');
    expect(formatPercent(0)).toBe('0%');
  });
});
