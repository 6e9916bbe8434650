import { assistanceBody } from './assistance-form';
import { mapCaseProblem } from './hardship-problem';
import { reassessPreviewText, type ReassessmentPreview } from './reassess-preview';
import { timelineLines, type HistoryEntry } from './timeline';

describe('assistanceBody (the assistance dialog, yuan typed, fen sent)', () => {
  const typed = { kind: 'cash', category: 'medical', fundId: 'f-1', description: ' 住院补助 ' };
  it.each([
    ['2000', 200_000],
    ['1,234.56', 123_456],
    ['0.1', 10],
    ['4999.99', 499_999],
    ['0.29', 29],
  ])('%s yuan is %d fen, exactly', (amount, fen) => {
    expect(assistanceBody({ ...typed, amount })).toEqual({
      kind: 'cash',
      category: 'medical',
      amountFen: fen,
      fundId: 'f-1',
      description: '住院补助',
    });
  });
  it.each([['0'], ['-5'], ['1.234'], ['abc'], ['']])('refuses %p as an amount', (amount) => {
    expect(assistanceBody({ ...typed, amount })).toBeUndefined();
  });
  it('waits for every field', () => {
    expect(assistanceBody({ ...typed, amount: '10', fundId: undefined })).toBeUndefined();
    expect(assistanceBody({ ...typed, amount: '10', description: '  ' })).toBeUndefined();
  });
});

describe('mapCaseProblem (refusals of the case file in Chinese, under their fields)', () => {
  it('puts a validation error under the dialog field, named in Chinese', () => {
    const mapped = mapCaseProblem(
      {
        code: 'VALIDATION_FAILED',
        errors: [
          { field: 'household.monthlyIncomeFen', message: 'must be fen' },
          { field: 'visitedOn', message: 'visitedOn 2030-01-01 is in the future' },
        ],
      },
      'visit',
    );
    expect(mapped.fields).toEqual({
      income: '家庭月收入填写有误，请核对',
      visitedOn: '走访日期不能晚于今天',
    });
    expect(mapped.message).toBe('填写的内容有误，请按提示修改标红的项目');
  });
  it('says how much of the yearly cap is left, under the amount', () => {
    const mapped = mapCaseProblem(
      { code: 'RULE_VIOLATION', capFen: 2_000_000, usedFen: 1_900_000, remainingFen: 100_000, year: 2026 },
      'assistance',
    );
    expect(mapped.fields.amount).toBe(
      '超出本年度帮扶上限：上限 20,000.00 元，本年已计 19,000.00 元，还可帮扶 1,000.00 元',
    );
    expect(mapped.message).toBe(mapped.fields.amount);
  });
  it('names the fund’s balance, and a fund that may not pay the case', () => {
    expect(
      mapCaseProblem({ code: 'BUDGET_EXHAUSTED', remainingFen: 30_000, requestedFen: 50_000 }, 'assistance')
        .fields.fundId,
    ).toBe('该资金余额不足：剩余 300.00 元，本次需要 500.00 元');
    expect(
      mapCaseProblem(
        { code: 'RULE_VIOLATION', errors: [{ field: 'fundId', message: 'not for this unit' }] },
        'assistance',
      ).fields.fundId,
    ).toMatch(/^该资金不能用于本档案/);
  });
  it('reads the same code by the action it refused', () => {
    const closed = {
      code: 'RULE_VIOLATION',
      detail: 'The case is closed: reopen it before you record a visit.',
    };
    expect(mapCaseProblem(closed, 'visit').message).toBe('档案已销档，请先恢复档案再办理');
    expect(mapCaseProblem({ code: 'RULE_VIOLATION' }, 'reopen').message).toBe('档案在档中，无需恢复');
    expect(mapCaseProblem({ code: 'RULE_VIOLATION' }, 'dismiss').message).toMatch(/^该转介已处理/);
    expect(mapCaseProblem({ code: 'VERSION_CONFLICT' }, 'pairing').message).toBe(
      '该记录已被他人修改，请刷新后重试',
    );
  });
});

const preview = (over: Partial<ReassessmentPreview>): ReassessmentPreview =>
  ({
    status: 'open',
    tier: 'relative',
    policyVersion: 'default-1',
    assessment: {
      tier: 'relative',
      perCapitaIncomeFen: 125_000,
      minimumLivingStandardFen: 90_000,
      relativeLineFen: 135_000,
      exceeded: 'minimum_living_standard',
    },
    ...over,
  }) as ReassessmentPreview;

describe('reassessPreviewText (the dry run of a reassessment)', () => {
  it('gives the tier and the lines it was judged against', () => {
    expect(reassessPreviewText(preview({}))).toEqual({
      tier: '复核结果：相对困难',
      line: '家庭人均月收入 1,250.00 元，高于低保标准 900.00 元，不高于相对困难标准 1,350.00 元（政策版本 default-1）',
      closes: false,
    });
  });
  it('says the case would close when the household is above every line', () => {
    const text = reassessPreviewText(
      preview({
        status: 'closed',
        tier: 'deep',
        assessment: {
          tier: null,
          perCapitaIncomeFen: 200_000,
          minimumLivingStandardFen: 90_000,
          relativeLineFen: 135_000,
          exceeded: 'relative_line',
        },
      }),
    );
    expect(text.closes).toBe(true);
    expect(text.tier).toMatch(/不再符合困难职工认定条件/);
    expect(text.line).toBe('家庭人均月收入 2,000.00 元，高于相对困难标准 1,350.00 元（政策版本 default-1）');
  });
});

describe('timelineLines (the history as a timeline, newest first)', () => {
  const entry = (version: number, type: string, facts: HistoryEntry['facts']): HistoryEntry => ({
    version,
    type,
    recordedAt: '2026-03-02T02:30:00.000Z',
    actor: 'cw-jinshui',
    policyVersion: version === 1 ? 'default-1' : undefined,
    facts,
  });
  it('names each event with its figures', () => {
    const lines = timelineLines([
      entry(1, 'HardshipCaseOpened', { tier: 'deep', perCapitaIncomeFen: 75_000 }),
      entry(2, 'HomeVisitRecorded', { visitedOn: '2026-03-01', visitor: '李敏' }),
      entry(3, 'HardshipTierChanged', { fromTier: 'deep', toTier: 'relative' }),
      entry(4, 'AssistanceRecorded', {
        kind: 'cash',
        category: 'medical',
        amountFen: 600_000,
        status: 'pending_approval',
      }),
      entry(5, 'HardshipCaseClosed', { reason: 'moved_away' }),
      entry(6, 'ReferralAttached', {}),
    ]);
    expect(lines.map((l) => [l.what, l.detail])).toEqual([
      ['转介并入档案', ''],
      ['销档', '原因：迁出'],
      ['申请帮扶', '现金 · 医疗救助 · 6,000.00 元 · 待第二审核人审批'],
      ['困难类型变更', '深度困难 → 相对困难'],
      ['入户走访', '2026年3月1日，走访人 李敏'],
      ['建档', '认定为深度困难，人均月收入 750.00 元'],
    ]);
    expect(lines[5]).toMatchObject({
      when: '2026年3月2日 10:30',
      by: '经办人 cw-jinshui · 政策版本 default-1',
      color: 'blue',
    });
    expect(lines[1].color).toBe('red');
  });
});
