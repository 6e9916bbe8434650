import { mapProblem, type MappedProblem, type Problem } from '../../api/problem';
import { formatDate } from '../../format/date';
import { formatYuan } from '../../format/money';
import { labelOf, TIER_LABELS } from '../../format/labels';
import { LEVEL_LABELS } from './grants-labels';

/** Which request of 金秋助学 was refused: the same code means something else on each. */
export type GrantsAction = 'submit' | 'disburse' | 'withdraw' | 'open-campaign' | 'close-campaign';

const list = (labels: Readonly<Record<string, string>>, codes: unknown): string =>
  Array.isArray(codes) ? codes.map((c) => labelOf(labels, String(c))).join('、') : '';

/**
 * A refused grants request in Chinese: the sentence, and the message under the field it concerns
 * (keyed by the API's field path, as {@link mapProblem}). The figures come from the problem's
 * members (`tier`, `eligibleTiers`, `fundedLevels`, `opensOn`…); nothing is decided here.
 */
export function mapGrantsProblem(problem: Problem, action: GrantsAction): MappedProblem {
  const base = mapProblem(problem);
  const fields: Record<string, string> = { ...base.fields };
  const code = problem.code ?? '';
  const put = (field: string, message: string): MappedProblem => {
    fields[field] = message;
    return { message, fields };
  };

  if (action === 'submit') {
    if (code === 'DUPLICATE') {
      return put('student.idNumber', '该学生在本活动中已有申请（未驳回、未撤回），不能重复申请');
    }
    if (code === 'NOT_ELIGIBLE') {
      const accepted = list(TIER_LABELS, problem.eligibleTiers);
      if (typeof problem.tier === 'string') {
        return put(
          'parentIdNumber',
          `家长的困难职工档案为“${labelOf(TIER_LABELS, problem.tier)}”，本活动只受理：${accepted}`,
        );
      }
      return put('parentIdNumber', '家长没有在档的困难职工档案，不能申请助学；请先为家长建档');
    }
    if (code === 'RULE_VIOLATION' && Array.isArray(problem.fundedLevels)) {
      return put(
        'student.level',
        `本活动不资助该学段，资助的学段为：${list(LEVEL_LABELS, problem.fundedLevels)}`,
      );
    }
    if (code === 'RULE_VIOLATION' && typeof problem.opensOn === 'string') {
      return put(
        'campaignId',
        `本活动受理申请的时间为 ${formatDate(problem.opensOn)} 至 ${formatDate(String(problem.closesOn))}，今天不在受理时间内`,
      );
    }
    if (code === 'RULE_VIOLATION') return put('campaignId', '本活动已结束，不再受理申请');
    if (code === 'NOT_FOUND') return put('campaignId', '未找到该助学活动');
  }
  if ((action === 'disburse' || action === 'withdraw') && code === 'RULE_VIOLATION') {
    return { message: '该申请已暂停发放（家长的困难职工档案有变化），不能发放', fields };
  }
  if (code === 'CONFLICT' && (action === 'disburse' || action === 'withdraw')) {
    return {
      message:
        action === 'disburse' ? '该申请当前不是“已批准待发放”，不能发放' : '该申请已发放或已结束，不能撤回',
      fields,
    };
  }
  if (code === 'BUDGET_EXHAUSTED' && typeof problem.remainingFen === 'number') {
    const requested =
      typeof problem.requestedFen === 'number' ? `，本次需要 ${formatYuan(problem.requestedFen)}` : '';
    return { message: `活动预算不足：剩余 ${formatYuan(problem.remainingFen)}${requested}`, fields };
  }
  if (action === 'open-campaign') {
    for (const { field } of problem.errors ?? []) {
      const level = /^amountsByLevelFen\.(.+)$/.exec(field)?.[1];
      if (level) fields[field] = `${labelOf(LEVEL_LABELS, level)}的资助标准填写有误`;
      if (field === 'amountsByLevelFen') fields[field] = '请至少为一个学段填写资助标准';
      if (field === 'closesOn') fields[field] = '受理截止日期不能早于受理开始日期';
    }
  }
  return { message: base.message, fields };
}
