import { formErrorsOf, periodBodyOf, type PeriodFormValues } from './period-form-values';

const typed: PeriodFormValues = {
  name: ' 2026年度第9期 ',
  coverageStart: '2026-01-01',
  coverageEnd: '2026-12-31',
  enrollmentOpensOn: '2025-12-01',
  enrollmentClosesOn: '2026-03-31',
  contribution: '100',
  waitingDays: 0,
  claimDeadlineDays: 180,
  deductible: '1,000',
  annualCap: '200000.00',
  inpatientBands: [
    { upto: '50000', ratio: '50' },
    { upto: '', unlimited: true, ratio: '62.5' },
  ],
  seriousThreshold: '60000',
  seriousCap: '50000',
  seriousBands: [{ unlimited: true, ratio: '0.29' }],
  hardshipThreshold: '30000',
  waiveTiers: ['deep'],
};

describe('the period form', () => {
  it('sends amounts as fen and ratios as basis points, read from the text', () => {
    expect(periodBodyOf(typed)).toEqual({
      body: {
        name: '2026年度第9期',
        coverageStart: '2026-01-01',
        coverageEnd: '2026-12-31',
        enrollmentOpensOn: '2025-12-01',
        enrollmentClosesOn: '2026-03-31',
        contributionFen: 10_000,
        waitingDays: 0,
        claimDeadlineDays: 180,
        rules: {
          inpatient: {
            deductibleFen: 100_000,
            bands: [
              { uptoFen: 5_000_000, ratioBp: 5000 },
              { uptoFen: null, ratioBp: 6250 },
            ],
            annualCapFen: 20_000_000,
          },
          seriousIllness: {
            thresholdFen: 6_000_000,
            bands: [{ uptoFen: null, ratioBp: 29 }],
            capFen: 5_000_000,
          },
          hardshipRisk: { thresholdFen: 3_000_000 },
          waiveContributionForTiers: ['deep'],
        },
      },
    });
  });

  it('names what cannot be read, by field and band cell', () => {
    expect(
      periodBodyOf({
        ...typed,
        deductible: '1000.005',
        inpatientBands: [
          { upto: '5万', ratio: '50' },
          { unlimited: true, ratio: '150' },
        ],
      }),
    ).toEqual({
      errors: [
        { name: 'deductible', message: '请填写住院起付线（元），最多两位小数' },
        { name: ['inpatientBands', 0, 'upto'], message: '请填写住院第 1 段上限（元），或勾选无上限' },
        {
          name: ['inpatientBands', 1, 'ratio'],
          message: '住院第 2 段比例应为 0 至 100 的百分数，最多两位小数',
        },
      ],
    });
  });

  it("puts the API's field errors under the form's fields, in Chinese", () => {
    expect(
      formErrorsOf([
        'coverageEnd',
        'rules.inpatient.bands[1].uptoFen',
        'rules.inpatient.bands[1].uptoFen',
        'rules.seriousIllness.bands[0].ratioBp',
        'rules.inpatient.deductibleFen',
        'rules.waiveContributionForTiers[1]',
        'rules.seriousIllness.bands',
        'somethingElse',
      ]),
    ).toEqual([
      { name: 'coverageEnd', message: '保障结束日期填写有误，请核对' },
      {
        name: ['inpatientBands', 1, 'upto'],
        message: '住院第 2 段上限有误（各段上限应逐段增大，最后一段无上限）',
      },
      { name: ['seriousBands', 0, 'ratio'], message: '大病第 1 段比例有误' },
      { name: 'deductible', message: '住院起付线填写有误，请核对' },
      { name: 'waiveTiers', message: '会费兜底的困难类型填写有误，请核对' },
    ]);
  });
});
