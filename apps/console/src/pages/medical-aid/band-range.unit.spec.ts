import { bandLine, bandRange } from './band-range';

describe("a period's bands as text", () => {
  const bands = [
    { uptoFen: 5_000_000, ratioBp: 5000 },
    { uptoFen: 10_000_000, ratioBp: 5550 },
    { uptoFen: null, ratioBp: 6250 },
  ];
  it('names each band by its range and ratio', () => {
    expect(bands.map((_, i) => bandRange(bands, i))).toEqual([
      '0.00 元至 50,000.00 元',
      '50,000.00 元至 100,000.00 元',
      '100,000.00 元以上',
    ]);
    expect(bandLine(bands, 2)).toBe('第 3 段：100,000.00 元以上，按 62.5%');
  });
});
