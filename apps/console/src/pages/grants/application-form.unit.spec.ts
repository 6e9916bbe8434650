import { checkCharOf } from '@union/kernel/browser';
import { applicationBodyOf, applicationFormField, submissionOf } from './application-form';

const idNumberWithCheckChar = (first17: string) => first17 + checkCharOf(first17);

describe('the application form (申请助学)', () => {
  const parent = idNumberWithCheckChar('41010519790606071');
  const student = idNumberWithCheckChar('41010520090606072');
  const values = {
    campaignId: 'c-1',
    parentIdNumber: parent.toLowerCase(),
    unitId: 'ha-zz-jsq',
    student: {
      idNumber: ` ${student} `,
      name: ' 王小明 ',
      level: 'senior_high' as const,
      school: '郑州市第一中学',
    },
  };

  it('is the request body once every field is there and both numbers check', () => {
    expect(applicationBodyOf(values, '2026-08-01')).toEqual({
      campaignId: 'c-1',
      parentIdNumber: parent,
      unitId: 'ha-zz-jsq',
      student: { idNumber: student, name: '王小明', level: 'senior_high', school: '郑州市第一中学' },
    });
  });

  it("is the submission once it also has the parent's authorisation (授权书)", () => {
    const consent = { documentRef: ' 郑工助授〔2026〕0031号 ', signedOn: '2026-07-30' };
    const body = applicationBodyOf({ ...values, consent }, '2026-08-01');
    expect(body?.consent).toEqual({ documentRef: '郑工助授〔2026〕0031号', signedOn: '2026-07-30' });
    expect(submissionOf(body)).toEqual(body);
    // Without it, or with a date after today, the body still previews (a dry run) but is no submission.
    expect(submissionOf(applicationBodyOf(values, '2026-08-01'))).toBeUndefined();
    const late = applicationBodyOf(
      { ...values, consent: { ...consent, signedOn: '2026-08-02' } },
      '2026-08-01',
    );
    expect(late).toBeDefined();
    expect(submissionOf(late)).toBeUndefined();
  });

  it('is nothing while a field is missing or a number is still being typed', () => {
    expect(
      applicationBodyOf({ ...values, parentIdNumber: parent.slice(0, 17) }, '2026-08-01'),
    ).toBeUndefined();
    expect(
      applicationBodyOf({ ...values, student: { ...values.student, name: ' ' } }, '2026-08-01'),
    ).toBeUndefined();
    expect(applicationBodyOf({ ...values, campaignId: undefined }, '2026-08-01')).toBeUndefined();
    expect(
      applicationBodyOf({ ...values, student: { ...values.student, level: undefined } }, '2026-08-01'),
    ).toBeUndefined();
  });

  it('names the form field of an API field', () => {
    expect(applicationFormField('student.idNumber')).toEqual(['student', 'idNumber']);
    expect(applicationFormField('parentIdNumber')).toEqual(['parentIdNumber']);
  });
});
