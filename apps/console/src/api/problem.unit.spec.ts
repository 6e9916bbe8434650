import { isProblem, mapProblem } from './problem';

describe('mapProblem (problem+json to the form, in Chinese)', () => {
  it('puts each errors[].field under its field, by the API field path', () => {
    const mapped = mapProblem({
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: 'household.size must be a whole number, 1 or more; got 0.',
      errors: [
        { field: 'household.size', message: 'household.size must be a whole number, 1 or more; got 0.' },
        { field: 'person.idNumber', message: 'The check character should be 3 but is 7.' },
        { field: 'somethingNew', message: 'bad' },
      ],
    });
    expect(mapped).toEqual({
      message: '填写的内容有误，请按提示修改标红的项目',
      fields: {
        'household.size': '家庭人口填写有误，请核对',
        'person.idNumber': '身份证号码填写有误，请核对',
        somethingNew: '此项填写有误，请核对',
      },
    });
  });

  it('says by how much a household is above the line, in yuan', () => {
    expect(
      mapProblem({ status: 422, code: 'NOT_ELIGIBLE', perCapitaIncomeFen: 200_000, relativeLineFen: 135_000 })
        .message,
    ).toBe(
      '不符合困难职工认定条件：家庭人均月收入 2,000.00 元，高于相对困难标准 1,350.00 元（高出 650.00 元）',
    );
  });

  it('tells a second open case apart from other conflicts', () => {
    expect(mapProblem({ status: 409, code: 'CONFLICT', existingCaseId: 'c-1' }).message).toBe(
      '此人已有在档的困难职工档案，请在原档案中办理',
    );
    expect(
      mapProblem({
        status: 409,
        code: 'CONFLICT',
        detail: 'This person already has an open hardship case, kept by a unit you do not act for',
      }).message,
    ).toBe('此人已在其他单位建有在档的困难职工档案');
  });

  it('has a Chinese sentence for every code of API.md, never the English detail', () => {
    const codes = [
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'SAME_ACTOR',
      'NOT_FOUND',
      'VERSION_CONFLICT',
      'DUPLICATE',
      'BUDGET_EXHAUSTED',
      'RULE_VIOLATION',
      'PERSON_RESTRICTED',
      'IDEMPOTENCY_KEY_REUSED',
      'PAYLOAD_TOO_LARGE',
      'RATE_LIMITED',
      'SERVICE_UNAVAILABLE',
    ];
    for (const code of codes) {
      const { message } = mapProblem({ code, detail: 'English detail' });
      expect([code, /[\u4e00-\u9fff]/.test(message), message.includes('English')]).toEqual([
        code,
        true,
        false,
      ]);
    }
    expect(mapProblem({ code: 'SOMETHING_NEW', status: 503 }).message).toBe('系统暂时无法办理，请稍后再试');
    expect(mapProblem({ code: 'SOMETHING_NEW', status: 418 }).message).toBe('办理未成功，请稍后再试');
  });

  it('recognises a problem answer', () => {
    expect(isProblem({ code: 'NOT_FOUND', status: 404 })).toBe(true);
    expect(isProblem({ items: [] })).toBe(false);
    expect(isProblem(null)).toBe(false);
  });
});
