import { ApiProblem } from '../../api/client';
import { mapProblem, type MappedProblem, type Problem } from '../../api/problem';
import { formatDate } from '../../format/date';

/** 医疗互助's words for the API's codes. */
export const CLAIM_STATUS_LABELS: Readonly<Record<string, string>> = {
  submitted: '待审核',
  approved: '已审核，待支付',
  rejected: '未通过审核',
  paid: '已支付',
};

/** A claim or enrollment's refusal in Chinese: the rule it broke, with its dates, where it says. */
export function medicalAidProblem(problem: Problem): MappedProblem {
  const mapped = mapProblem(problem);
  const date = (key: string) => (typeof problem[key] === 'string' ? formatDate(problem[key]) : undefined);
  let message = mapped.message;
  if (problem.code === 'NOT_ELIGIBLE') {
    message = '该职工未在本期医疗互助中登记（或不是您所在单位登记的会员），不能申请互助金';
  } else if (problem.code === 'DUPLICATE') {
    message = '该职工在同一医院、同一入院日期已有互助金申请，请勿重复申请';
  } else if (problem.code === 'RULE_VIOLATION') {
    if (date('enrollmentOpensOn') && date('enrollmentClosesOn')) {
      message = `不在本期登记时间内：登记时间为 ${date('enrollmentOpensOn')} 至 ${date('enrollmentClosesOn')}`;
    } else if (date('coverageStart') && date('coverageEnd')) {
      message = `入院日期不在本期保障期内（${date('coverageStart')} 至 ${date('coverageEnd')}）`;
    } else if (date('firstEligibleOn')) {
      message = `入院日期在等待期内，${date('firstEligibleOn')} 起入院方可申请`;
    } else if (date('claimDeadline')) {
      message = `已超过申请期限：应在 ${date('claimDeadline')} 前申请`;
    }
  } else if (problem.code === 'VALIDATION_FAILED' && problem.errors?.some((e) => e.field === 'bill')) {
    message = '各项已支付金额之和超过了医疗总费用，请核对';
  }
  return { message, fields: mapped.fields };
}

/** The sentence for a failed request (a refusal, or a network failure). */
export const failureText = (error: unknown, fallback: string): string =>
  error instanceof ApiProblem ? medicalAidProblem(error.problem).message : fallback;
