import { formatBp, parsePercentBp } from './ratio';

describe('ratios in basis points', () => {
  it('shows basis points as percent without a float', () => {
    expect([5000, 6250, 10_000, 0, 1, 1234, 5050].map(formatBp)).toEqual([
      '50%',
      '62.5%',
      '100%',
      '0%',
      '0.01%',
      '12.34%',
      '50.5%',
    ]);
    expect(() => formatBp(12.5)).toThrow(RangeError);
    expect(() => formatBp(-1)).toThrow(RangeError);
  });

  it('reads typed percent as basis points from the text', () => {
    expect(['50', '62.5', '62.50%', ' 100 ', '0', '0.01', '12.34', '7.'].map(parsePercentBp)).toEqual([
      5000, 6250, 6250, 10_000, 0, 1, 1234, 700,
    ]);
    // 0.29 is 28.999… as a float: read from the digits it is exactly 29 basis points.
    expect(parsePercentBp('0.29')).toBe(29);
    for (const bad of ['', '100.01', '101', '1.234', '-5', 'abc', '1,5', '.5'])
      expect(parsePercentBp(bad)).toBeUndefined();
  });
});
