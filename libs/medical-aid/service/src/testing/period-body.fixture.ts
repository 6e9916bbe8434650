import { addDays, chinaToday } from '@union/kernel';

/** The worked-example rules of DOMAIN.md §3, with coverage and enrollment open today. */
export function periodBody(overrides: Record<string, unknown> = {}) {
  const today = chinaToday(new Date());
  return {
    name: '2026年度第3期',
    coverageStart: addDays(today, -30),
    coverageEnd: addDays(today, 335),
    enrollmentOpensOn: addDays(today, -30),
    enrollmentClosesOn: addDays(today, 30),
    rules: {
      inpatient: {
        deductibleFen: 100_000,
        bands: [
          { uptoFen: 5_000_000, ratioBp: 5000 },
          { uptoFen: null, ratioBp: 6000 },
        ],
      },
      seriousIllness: {
        bands: [
          { uptoFen: 4_000_000, ratioBp: 5000 },
          { uptoFen: null, ratioBp: 7000 },
        ],
      },
      hardshipRisk: { thresholdFen: 3_000_000 },
    },
    ...overrides,
  };
}
