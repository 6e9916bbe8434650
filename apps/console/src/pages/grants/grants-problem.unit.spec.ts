import { mapGrantsProblem } from './grants-problem';

describe('refused grants requests in Chinese, under the field they concern', () => {
  it('puts a student\u2019s second application under the student\u2019s identity number', () => {
    const mapped = mapGrantsProblem(
      { status: 409, code: 'DUPLICATE', existingApplicationId: 'a-1' },
      'submit',
    );
    expect(mapped.fields['student.idNumber']).toBe(
      '该学生在本活动中已有申请（未驳回、未撤回），不能重复申请',
    );
    expect(mapped.message).toBe(mapped.fields['student.idNumber']);
  });

  it('says why the parent is not eligible, with the tiers the campaign takes', () => {
    expect(
      mapGrantsProblem(
        { status: 422, code: 'NOT_ELIGIBLE', tier: 'emergency', eligibleTiers: ['deep', 'relative'] },
        'submit',
      ).fields.parentIdNumber,
    ).toBe('家长的困难职工档案为“意外致困”，本活动只受理：深度困难、相对困难');
    expect(
      mapGrantsProblem({ status: 422, code: 'NOT_ELIGIBLE', eligibleTiers: ['deep'] }, 'submit').fields
        .parentIdNumber,
    ).toBe('家长没有在档的困难职工档案，不能申请助学；请先为家长建档');
  });

  it('names the funded levels, the window, or the closed campaign', () => {
    expect(
      mapGrantsProblem(
        {
          status: 422,
          code: 'RULE_VIOLATION',
          level: 'primary',
          fundedLevels: ['senior_high', 'undergraduate'],
        },
        'submit',
      ).fields['student.level'],
    ).toBe('本活动不资助该学段，资助的学段为：高中、本科');
    expect(
      mapGrantsProblem(
        {
          status: 422,
          code: 'RULE_VIOLATION',
          opensOn: '2026-07-01',
          closesOn: '2026-08-31',
          today: '2026-09-02',
        },
        'submit',
      ).fields.campaignId,
    ).toBe('本活动受理申请的时间为 2026年7月1日 至 2026年8月31日，今天不在受理时间内');
    expect(mapGrantsProblem({ status: 422, code: 'RULE_VIOLATION' }, 'submit').fields.campaignId).toBe(
      '本活动已结束，不再受理申请',
    );
  });

  it('keeps the field messages of a validation failure', () => {
    const mapped = mapGrantsProblem(
      { status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'student.name', message: 'required' }] },
      'submit',
    );
    expect(mapped.message).toBe('填写的内容有误，请按提示修改标红的项目');
    expect(mapped.fields).toEqual({ 'student.name': '学生姓名填写有误，请核对' });
  });

  it('explains a refused payment or withdrawal', () => {
    expect(mapGrantsProblem({ status: 422, code: 'RULE_VIOLATION' }, 'disburse').message).toBe(
      '该申请已暂停发放（家长的困难职工档案有变化），不能发放',
    );
    expect(mapGrantsProblem({ status: 409, code: 'CONFLICT' }, 'disburse').message).toBe(
      '该申请当前不是“已批准待发放”，不能发放',
    );
    expect(mapGrantsProblem({ status: 409, code: 'CONFLICT' }, 'withdraw').message).toBe(
      '该申请已发放或已结束，不能撤回',
    );
    expect(
      mapGrantsProblem(
        { status: 409, code: 'BUDGET_EXHAUSTED', remainingFen: 150_000, requestedFen: 500_000 },
        'disburse',
      ).message,
    ).toBe('活动预算不足：剩余 1,500.00 元，本次需要 5,000.00 元');
  });

  it('names the level of a bad amount in the campaign form', () => {
    const mapped = mapGrantsProblem(
      {
        status: 400,
        code: 'VALIDATION_FAILED',
        errors: [
          { field: 'amountsByLevelFen.undergraduate', message: 'x' },
          { field: 'closesOn', message: 'y' },
        ],
      },
      'open-campaign',
    );
    expect(mapped.fields).toEqual({
      'amountsByLevelFen.undergraduate': '本科的资助标准填写有误',
      closesOn: '受理截止日期不能早于受理开始日期',
    });
  });
});
