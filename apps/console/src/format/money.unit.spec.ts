import { formatFen, formatYuan, parseYuan } from './money';

describe('formatFen (integer fen to yuan text, no float)', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [99, '0.99'],
    [100, '1.00'],
    [135000, '1,350.00'],
    [123456789, '1,234,567.89'],
    [-5, '-0.05'],
    [-123456, '-1,234.56'],
    [Number.MAX_SAFE_INTEGER, '90,071,992,547,409.91'],
  ])('%d fen is %s', (fen, text) => expect(formatFen(fen)).toBe(text));

  it('refuses what is not a whole number of fen', () => {
    expect(() => formatFen(1.5)).toThrow(RangeError);
    expect(() => formatFen(Number.NaN)).toThrow(RangeError);
    expect(() => formatFen(2 ** 53)).toThrow(RangeError);
  });

  it('appends 元', () => expect(formatYuan(240000)).toBe('2,400.00 元'));
});

describe('parseYuan (typed yuan to integer fen, no float)', () => {
  it.each([
    ['1350', 135000],
    ['1,350.5', 135050],
    ['1350.05', 135005],
    [' 0.1 ', 10],
    ['0.29', 29],
    ['1，000', 100000],
    ['12.', 1200],
  ])('%s is %d fen', (text, fen) => expect(parseYuan(text)).toBe(fen));

  it('is exact where a float is not (0.29 * 100 is 28.999999999999996)', () => {
    expect(0.29 * 100).not.toBe(29);
    expect(parseYuan('0.29')).toBe(29);
    expect(parseYuan('1.13')).toBe(113);
  });

  it.each(['', '-1', '1.234', 'abc', '1e3', '.5', '99999999999999999'])('refuses %p', (text) =>
    expect(parseYuan(text)).toBeUndefined(),
  );

  it('round-trips with formatFen', () => {
    for (const fen of [0, 1, 10, 99, 100, 101, 135000, 987654321])
      expect(parseYuan(formatFen(fen))).toBe(fen);
  });
});
