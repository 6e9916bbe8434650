import { checkCharOf } from '@union/kernel/browser';
import { claimBodyOf, CLAIM_FORM_FIELD, type ClaimFormValues } from './claim-body';

const ID = `41010519790607901${checkCharOf('41010519790607901')}`;
const typed: ClaimFormValues = {
  periodId: 'p-1',
  idNumber: ID,
  hospital: ' 郑州大学第一附属医院 ',
  admittedOn: '2026-08-20',
  dischargedOn: '2026-09-01',
  diagnosisCode: ' C34.9 ',
  total: '83,456.78',
  basic: '20000',
  serious: '1234.56',
  assistance: '0',
  employer: '500.00',
  other: '0.01',
};

describe('the claim form', () => {
  it('sends the bill in fen, read from the typed yuan', () => {
    expect(claimBodyOf(typed, '2026-09-01')).toEqual({
      periodId: 'p-1',
      idNumber: ID,
      hospital: '郑州大学第一附属医院',
      admittedOn: '2026-08-20',
      dischargedOn: '2026-09-01',
      diagnosisCode: 'C34.9',
      bill: {
        totalFen: 8_345_678,
        basicInsurancePaidFen: 2_000_000,
        seriousIllnessInsurancePaidFen: 123_456,
        medicalAssistancePaidFen: 0,
        employerPaidFen: 50_000,
        otherPaidFen: 1,
      },
    });
  });

  it('sends nothing while a field is missing or cannot be read', () => {
    const wrongCheck = ID.slice(0, 17) + (ID.endsWith('0') ? '1' : '0');
    for (const bad of [
      { idNumber: wrongCheck },
      { idNumber: ID.slice(0, 10) },
      { total: '1.234' },
      { other: '' },
      { admittedOn: '2026-8-20' },
      { hospital: '  ' },
      { periodId: undefined },
    ]) {
      expect(claimBodyOf({ ...typed, ...bad }, '2026-09-01')).toBeUndefined();
    }
  });

  it("puts the API's bill errors under the bill's fields", () => {
    expect(CLAIM_FORM_FIELD['bill.otherPaidFen']).toBe('other');
    expect(CLAIM_FORM_FIELD.bill).toBe('total');
  });
});
