import { given } from '../testing/given-when-then';
import type { PeriodTerms } from './open-period.validation';
import { periodDecider, type OpenPeriod } from './period.decider';

const terms = (overrides: Partial<PeriodTerms> = {}): PeriodTerms => ({
  name: '第3期',
  coverageStart: '2024-01-01',
  coverageEnd: '2024-12-31',
  enrollmentOpensOn: '2023-12-01',
  enrollmentClosesOn: '2024-03-31',
  rules: {
    inpatient: {
      deductibleFen: 100_000,
      bands: [
        { uptoFen: 5_000_000, ratioBp: 5000 },
        { uptoFen: null, ratioBp: 6000 },
      ],
    },
    seriousIllness: { bands: [{ uptoFen: null, ratioBp: 5000 }] },
  },
  ...overrides,
});

const open = (t: PeriodTerms): OpenPeriod => ({
  type: 'OpenPeriod',
  periodId: 'p-1',
  terms: t,
  openedBy: 'admin-1',
  openedAt: '2023-11-20T02:00:00.000Z',
});

describe('OpenPeriod', () => {
  it('opens the period with the defaults of DOMAIN.md and its policy version', () => {
    given(periodDecider)
      .when(open(terms()))
      .thenEmits([
        {
          type: 'PeriodOpened',
          data: {
            periodId: 'p-1',
            name: '第3期',
            coverageStart: '2024-01-01',
            coverageEnd: '2024-12-31',
            enrollmentOpensOn: '2023-12-01',
            enrollmentClosesOn: '2024-03-31',
            contributionFen: 10_000,
            waitingDays: 0,
            claimDeadlineDays: 180,
            rules: {
              inpatient: {
                deductibleFen: 100_000,
                bands: [
                  { uptoFen: 5_000_000, ratioBp: 5000 },
                  { uptoFen: null, ratioBp: 6000 },
                ],
                annualCapFen: 20_000_000,
              },
              seriousIllness: {
                thresholdFen: 6_000_000,
                bands: [{ uptoFen: null, ratioBp: 5000 }],
                capFen: 5_000_000,
              },
              hardshipRisk: { thresholdFen: 3_000_000 },
              waiveContributionForTiers: ['deep'],
            },
            policyVersion: 'period-p-1-1',
            openedBy: 'admin-1',
            openedAt: '2023-11-20T02:00:00.000Z',
          },
        },
      ]);
  });

  it('keeps the values the admin gave', () => {
    const t = terms({ contributionFen: 0, waitingDays: 30, claimDeadlineDays: 90 });
    const withRules = {
      ...t,
      rules: {
        ...t.rules,
        hardshipRisk: { thresholdFen: 1 },
        waiveContributionForTiers: ['deep', 'relative'],
      },
    };
    given(periodDecider)
      .when(open(withRules))
      .thenEmitsMatching([
        {
          data: {
            contributionFen: 0,
            waitingDays: 30,
            claimDeadlineDays: 90,
            rules: { hardshipRisk: { thresholdFen: 1 }, waiveContributionForTiers: ['deep', 'relative'] },
          },
        },
      ]);
  });

  it('reports every problem at once, with field paths', () => {
    const bad: PeriodTerms = {
      ...terms({
        name: ' ',
        coverageEnd: '2023-12-31',
        enrollmentClosesOn: '2023-02-30',
        contributionFen: -1,
        waitingDays: 1.5,
      }),
      rules: {
        inpatient: {
          deductibleFen: 10.5,
          bands: [
            { uptoFen: 5_000_000, ratioBp: 5000 },
            { uptoFen: null, ratioBp: 12_000 },
          ],
          annualCapFen: -100,
        },
        seriousIllness: { bands: [{ uptoFen: 100, ratioBp: 5000 }] },
        waiveContributionForTiers: ['deep', 'poor', 'deep'],
      },
    };
    const error = given(periodDecider).when(open(bad)).thenFails('VALIDATION_FAILED');
    expect(error.errors?.map((e) => e.field)).toEqual([
      'name',
      'enrollmentClosesOn',
      'coverageEnd',
      'contributionFen',
      'waitingDays',
      'rules.inpatient.deductibleFen',
      'rules.inpatient.bands[1].ratioBp',
      'rules.inpatient.annualCapFen',
      'rules.seriousIllness.bands[0].uptoFen',
      'rules.waiveContributionForTiers[1]',
      'rules.waiveContributionForTiers[2]',
    ]);
    expect(error.message).toContain('rules.inpatient.bands[1].ratioBp');
  });

  it('requires enrollment to open before it closes and to close by the end of coverage', () => {
    const error = given(periodDecider)
      .when(open(terms({ enrollmentOpensOn: '2024-04-01', enrollmentClosesOn: '2025-01-01' })))
      .thenFails('VALIDATION_FAILED');
    expect(error.errors).toEqual([
      {
        field: 'coverageEnd',
        message: 'must be on or after enrollmentClosesOn (no one can enroll after coverage ends)',
      },
    ]);
    given(periodDecider)
      .when(open(terms({ enrollmentOpensOn: '2024-04-01' })))
      .thenFails('VALIDATION_FAILED', {
        errors: [{ field: 'enrollmentClosesOn', message: 'must be on or after enrollmentOpensOn' }],
      });
  });

  it('names an empty band table and bands out of order', () => {
    const t = terms();
    const bad = {
      ...t,
      rules: {
        ...t.rules,
        inpatient: { deductibleFen: 0, bands: [] },
        seriousIllness: {
          bands: [
            { uptoFen: 500, ratioBp: 5000 },
            { uptoFen: 400, ratioBp: 5000 },
            { uptoFen: null, ratioBp: 5000 },
          ],
        },
      },
    };
    const error = given(periodDecider).when(open(bad)).thenFails('VALIDATION_FAILED');
    expect(error.errors?.map((e) => e.field)).toEqual([
      'rules.inpatient.bands',
      'rules.seriousIllness.bands[1].uptoFen',
    ]);
  });

  it('cannot open the same period twice', () => {
    const history = given(periodDecider).when(open(terms())).events();
    given(periodDecider, history).when(open(terms())).thenFails('CONFLICT');
  });
});
