import { campaignBodyOf, campaignFormField } from './campaign-form';
import { fundedLevelsText } from './campaign-terms';

describe('the campaign form (管理员 · 助学活动)', () => {
  const filled = {
    year: 2026,
    name: ' 2026年金秋助学 ',
    budget: '9,000',
    opensOn: '2026-07-01',
    closesOn: '2026-08-31',
    schoolStartOn: '2026-09-01',
    amounts: { senior_high: '2000', undergraduate: '5000.50', primary: '  ' },
    eligibleTiers: ['relative' as const, 'deep' as const],
  };

  it('reads yuan as fen from the digits, leaves blank levels out and orders the tiers', () => {
    expect(campaignBodyOf(filled)).toEqual({
      body: {
        year: 2026,
        name: '2026年金秋助学',
        budgetFen: 900_000,
        opensOn: '2026-07-01',
        closesOn: '2026-08-31',
        schoolStartOn: '2026-09-01',
        amountsByLevelFen: { senior_high: 200_000, undergraduate: 500_050 },
        eligibleTiers: ['deep', 'relative'],
      },
    });
  });

  it('refuses what is not an amount, naming the field', () => {
    expect(campaignBodyOf({ ...filled, budget: '9000.005', amounts: { undergraduate: '五千' } })).toEqual({
      errors: [
        ['budget', '请输入预算金额（元），最多两位小数'],
        [['amounts', 'undergraduate'], '请输入金额（元），最多两位小数'],
      ],
    });
  });

  it('maps the API\u2019s fields to the form\u2019s', () => {
    expect(campaignFormField('budgetFen')).toBe('budget');
    expect(campaignFormField('amountsByLevelFen.senior_high')).toEqual(['amounts', 'senior_high']);
    expect(campaignFormField('amountsByLevelFen')).toEqual(['amounts', 'primary']);
    expect(campaignFormField('eligibleTiers[0]')).toBe('eligibleTiers');
    expect(campaignFormField('closesOn')).toBe('closesOn');
  });
});

describe('a campaign\u2019s funded levels, as the board lists them', () => {
  it('lists the funded levels in school order with their amounts', () => {
    expect(fundedLevelsText({ amountsByLevelFen: { undergraduate: 500_000, senior_high: 200_050 } })).toBe(
      '高中 2,000.50 元、本科 5,000.00 元',
    );
    expect(fundedLevelsText({ amountsByLevelFen: {} })).toBe('—');
  });
});
