import { applyBands, validateBands, type Band } from './bands';
import { DomainError } from '../errors/domain-error';

// DOMAIN.md worked example: 50% up to 50,000 yuan above the deductible, 60% beyond.
const inpatient: Band[] = [
  { uptoFen: 5_000_000, ratioBp: 5000 },
  { uptoFen: null, ratioBp: 6000 },
];

describe('applyBands', () => {
  it('reproduces the worked examples of DOMAIN.md', () => {
    expect(applyBands(19_900_000, inpatient)).toEqual({
      parts: [
        { uptoFen: 5_000_000, ratioBp: 5000, baseFen: 5_000_000, amountFen: 2_500_000 },
        { uptoFen: null, ratioBp: 6000, baseFen: 14_900_000, amountFen: 8_940_000 },
      ],
      totalFen: 11_440_000,
    });
    expect(applyBands(4_000_000, inpatient).totalFen).toBe(2_000_000);
  });

  it('puts an amount exactly at a band edge wholly in the lower band', () => {
    const { parts, totalFen } = applyBands(5_000_000, inpatient);
    expect(parts.map((p) => p.baseFen)).toEqual([5_000_000, 0]);
    expect(totalFen).toBe(2_500_000);
    expect(applyBands(5_000_001, inpatient).parts.map((p) => p.baseFen)).toEqual([5_000_000, 1]);
  });

  it('rounds each band down before summing', () => {
    const bands: Band[] = [
      { uptoFen: 3, ratioBp: 5000 },
      { uptoFen: null, ratioBp: 5000 },
    ];
    // 1.5 + 1.5 = 3 if summed first; each part rounds down to 1 so the total is 2.
    expect(applyBands(6, bands)).toMatchObject({ parts: [{ amountFen: 1 }, { amountFen: 1 }], totalFen: 2 });
  });

  it('gives zero parts for a zero amount', () => {
    expect(applyBands(0, inpatient)).toEqual({
      parts: [
        { uptoFen: 5_000_000, ratioBp: 5000, baseFen: 0, amountFen: 0 },
        { uptoFen: null, ratioBp: 6000, baseFen: 0, amountFen: 0 },
      ],
      totalFen: 0,
    });
  });

  it('handles 2^40 fen without losing precision', () => {
    const amount = 2 ** 40 + 1; // 1099511627777
    const expectedTop = ((BigInt(amount) - 5_000_000n) * 6000n) / 10000n;
    expect(applyBands(amount, inpatient).totalFen).toBe(2_500_000 + Number(expectedTop));
    expect(applyBands(amount, inpatient).totalFen).toBe(659_706_476_666);
  });

  it('refuses invalid bands and amounts', () => {
    expect(() => applyBands(100, [])).toThrow(DomainError);
    expect(() => applyBands(-1, inpatient)).toThrow('amountFen must be a whole number of fen');
  });
});

describe('validateBands', () => {
  it('accepts a valid table', () => {
    expect(validateBands(inpatient)).toEqual([]);
    expect(validateBands([{ uptoFen: null, ratioBp: 10000 }])).toEqual([]);
  });

  it('lists every problem', () => {
    expect(validateBands([])).toEqual(['There must be at least one band.']);
    expect(
      validateBands([
        { uptoFen: 100, ratioBp: 10001 },
        { uptoFen: 100, ratioBp: 5000 },
        { uptoFen: null, ratioBp: 5000 },
        { uptoFen: 300, ratioBp: -1 },
      ]),
    ).toEqual([
      'Band 1: ratioBp must be a whole number from 0 to 10000; got 10001.',
      'Band 2: uptoFen (100) must be greater than 100.',
      'Band 3: only the last band may be open-ended (uptoFen null).',
      'Band 4: ratioBp must be a whole number from 0 to 10000; got -1.',
      'Band 4: the last band must be open-ended (uptoFen null).',
    ]);
    expect(
      validateBands([
        { uptoFen: 0, ratioBp: 1 },
        { uptoFen: null, ratioBp: 1 },
      ]),
    ).toEqual(['Band 1: uptoFen (0) must be greater than 0.']);
  });
});
