import { checkCharOf } from '@union/kernel/browser';
import { checkIdNumber } from './id-number';

const TODAY = '2026-09-01';
const withCheck = (first17: string) => first17 + checkCharOf(first17);

describe('checkIdNumber (GB 11643, as typed)', () => {
  it('accepts a valid number and shows its birth date', () => {
    expect(checkIdNumber('11010519491231002X', TODAY)).toEqual({
      state: 'valid',
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      message: '校验通过，出生日期 1949年12月31日',
    });
    expect(checkIdNumber('11010519491231002x', TODAY)).toMatchObject({
      state: 'valid',
      value: '11010519491231002X',
    });
  });

  it('counts digits while the caseworker is still typing', () => {
    expect(checkIdNumber('', TODAY)).toEqual({ state: 'empty' });
    expect(checkIdNumber('110105', TODAY)).toEqual({ state: 'typing', message: '已输入 6 位，共 18 位' });
  });

  it('names a wrong check character and the one expected', () => {
    expect(checkIdNumber('440305199001011217', TODAY)).toEqual({
      state: 'invalid',
      message: '校验位不符：最后一位应为 3，输入的是 7，请核对号码',
    });
  });

  it('refuses birth dates that are not real, too early or in the future', () => {
    expect(checkIdNumber(withCheck('11010519901301002'), TODAY).state).toBe('invalid');
    expect(checkIdNumber(withCheck('11010520230230002'), TODAY)).toMatchObject({
      message: '身份证号码中的出生日期（第 7 至 14 位）不是有效日期',
    });
    expect(checkIdNumber(withCheck('11010518991231002'), TODAY)).toMatchObject({
      message: '出生日期 1899年12月31日 早于 1900年1月1日',
    });
    expect(checkIdNumber(withCheck('11010520270101002'), TODAY)).toMatchObject({
      message: '出生日期 2027年1月1日 晚于今天',
    });
  });

  it('refuses letters, a bad last character and too many characters', () => {
    expect(checkIdNumber('1101051949123A002X', TODAY)).toMatchObject({
      message: '身份证号码前 17 位应为数字，第 14 位不是数字',
    });
    expect(checkIdNumber('11010519491231002Y', TODAY)).toMatchObject({
      message: '身份证号码最后一位应为数字或 X',
    });
    expect(checkIdNumber('11010519491231002X1', TODAY)).toMatchObject({
      message: '身份证号码应为 18 位，当前为 19 位',
    });
  });
});
