import { validateIdNumber, type IdNumberProblem } from '@union/kernel/browser';
import { formatDate } from '../format/date';

/** What the identity-number field shows as the caseworker types. */
export type IdNumberCheck =
  | { readonly state: 'empty' }
  | { readonly state: 'typing'; readonly message: string }
  | { readonly state: 'invalid'; readonly message: string }
  | { readonly state: 'valid'; readonly value: string; readonly birthDate: string; readonly message: string };

/**
 * Checks a resident identity number (GB 11643) as it is typed, with the kernel's own check
 * (`validateIdNumber`: the services run the same code), worded in Chinese. Fewer than 18
 * characters of digits is "still typing", not an error.
 */
export function checkIdNumber(raw: string, today: string): IdNumberCheck {
  const typed = raw.trim();
  if (typed === '') return { state: 'empty' };
  if (typed.length < 18 && /^\d*$/.test(typed)) {
    return { state: 'typing', message: `已输入 ${typed.length} 位，共 18 位` };
  }
  const result = validateIdNumber(typed, { today });
  if (!result.ok) return { state: 'invalid', message: idNumberMessage(result.problem) };
  const birthDate = `${result.value.slice(6, 10)}-${result.value.slice(10, 12)}-${result.value.slice(12, 14)}`;
  return {
    state: 'valid',
    value: result.value,
    birthDate,
    message: `校验通过，出生日期 ${formatDate(birthDate)}`,
  };
}

/** The Chinese sentence for what is wrong with an identity number. */
export function idNumberMessage(problem: IdNumberProblem): string {
  switch (problem.kind) {
    case 'not_text':
      return '请输入身份证号码';
    case 'length':
      return `身份证号码应为 18 位，当前为 ${problem.length} 位`;
    case 'digit':
      return `身份证号码前 17 位应为数字，第 ${problem.position} 位不是数字`;
    case 'last_char':
      return '身份证号码最后一位应为数字或 X';
    case 'birth_date_invalid':
      return '身份证号码中的出生日期（第 7 至 14 位）不是有效日期';
    case 'birth_date_too_early':
      return `出生日期 ${formatDate(problem.birthDate)} 早于 1900年1月1日`;
    case 'birth_date_future':
      return `出生日期 ${formatDate(problem.birthDate)} 晚于今天`;
    case 'check_char':
      return `校验位不符：最后一位应为 ${problem.expected}，输入的是 ${problem.actual}，请核对号码`;
  }
}
