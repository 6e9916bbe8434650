import { consentOf, signedOnProblem } from './consent';

describe('the consent of a form (授权书)', () => {
  const today = '2026-08-01';

  it('is the request member once both fields are there, the reference trimmed', () => {
    expect(consentOf({ documentRef: ' 郑工帮授〔2026〕12号 ', signedOn: '2026-07-30' }, today)).toEqual({
      documentRef: '郑工帮授〔2026〕12号',
      signedOn: '2026-07-30',
    });
    expect(consentOf({ documentRef: 'A-1', signedOn: today }, today)).toEqual({
      documentRef: 'A-1',
      signedOn: today,
    });
  });

  it('is nothing while a field is missing, too long or dated after today', () => {
    expect(consentOf(undefined, today)).toBeUndefined();
    expect(consentOf({ documentRef: ' ', signedOn: '2026-07-30' }, today)).toBeUndefined();
    expect(consentOf({ documentRef: 'x'.repeat(65), signedOn: '2026-07-30' }, today)).toBeUndefined();
    expect(consentOf({ documentRef: 'A-1', signedOn: '2026-08-02' }, today)).toBeUndefined();
    expect(consentOf({ documentRef: 'A-1', signedOn: '2026-02-30' }, today)).toBeUndefined();
  });

  it('says in Chinese why a signing date is refused', () => {
    expect(signedOnProblem(undefined, today)).toBe('请选择授权书的签署日期');
    expect(signedOnProblem('2026-08-02', today)).toBe('签署日期不能晚于今天（建档或申请之日）');
    expect(signedOnProblem('2026-08-01', today)).toBeUndefined();
  });
});
