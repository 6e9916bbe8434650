import { mapProblem, type MappedProblem, type Problem } from '../../api/problem';
import { formatYuan } from '../../format/money';

/** Which request of the case file was refused: the same code means something else on each. */
export type CaseAction = 'visit' | 'reassess' | 'pairing' | 'assistance' | 'close' | 'reopen' | 'dismiss';

/** The names of the API's fields in the case file's dialogs, where they differ from the API's. */
const FORM_FIELDS: Readonly<Record<string, string>> = {
  'household.size': 'size',
  'household.monthlyIncomeFen': 'income',
  emergencyExpenseFen: 'emergencyExpense',
  amountFen: 'amount',
};

/** What the case file's dialogs call each field, for the message under it. */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  visitedOn: '走访日期',
  visitor: '走访人',
  findings: '走访情况',
  size: '家庭人口',
  income: '家庭月收入',
  emergencyExpense: '意外支出',
  causes: '致困原因',
  helperName: '帮扶责任人',
  helperUnit: '责任人单位',
  kind: '帮扶形式',
  category: '帮扶类别',
  amount: '金额',
  fundId: '资金来源',
  description: '帮扶内容',
  reason: '理由',
  note: '备注',
};

/**
 * A refused request of the case file in Chinese: one sentence, and a message under each field the
 * API named, keyed by the dialog's field name. Figures come from the problem's own members
 * (`remainingFen`, `requestedFen`); nothing is decided here.
 */
export function mapCaseProblem(problem: Problem, action: CaseAction): MappedProblem {
  const base = mapProblem(problem);
  const code = problem.code ?? '';
  const fields: Record<string, string> = {};
  for (const { field, message } of problem.errors ?? []) {
    const name = FORM_FIELDS[field] ?? field;
    const word = FIELD_WORDS[name];
    fields[name] =
      field === 'visitedOn' && /future/.test(message)
        ? '走访日期不能晚于今天'
        : word
          ? `${word}填写有误，请核对`
          : '此项填写有误，请核对';
  }
  const put = (field: string, message: string): MappedProblem => {
    fields[field] = message;
    return { message, fields };
  };
  if (action === 'assistance') {
    if (code === 'BUDGET_EXHAUSTED' && typeof problem.remainingFen === 'number') {
      const requested = formatYuan(Number(problem.requestedFen ?? 0));
      return put('fundId', `该资金余额不足：剩余 ${formatYuan(problem.remainingFen)}，本次需要 ${requested}`);
    }
    if (code === 'RULE_VIOLATION' && fields.fundId) {
      return put('fundId', '该资金不能用于本档案：须为本单位或上级单位持有、类别相符或不限类别的资金');
    }
    if (code === 'RULE_VIOLATION' && typeof problem.capFen === 'number') {
      return put(
        'amount',
        `超出本年度帮扶上限：上限 ${formatYuan(problem.capFen)}，本年已计 ` +
          `${formatYuan(Number(problem.usedFen ?? 0))}，还可帮扶 ${formatYuan(Number(problem.remainingFen ?? 0))}`,
      );
    }
  }
  if (code === 'RULE_VIOLATION' && action === 'reopen') return { message: '档案在档中，无需恢复', fields };
  if (code === 'RULE_VIOLATION' && action === 'close') return { message: '档案已销档', fields };
  if (code === 'RULE_VIOLATION' && /closed/i.test(problem.detail ?? '')) {
    return { message: '档案已销档，请先恢复档案再办理', fields };
  }
  if (code === 'RULE_VIOLATION' && action === 'dismiss') {
    return { message: '该转介已处理（已建档、已驳回或已并入档案）', fields };
  }
  if (code === 'NOT_ELIGIBLE' && action === 'reopen') {
    return { message: '按现行政策不符合困难职工认定条件，不能恢复；如需恢复，请重新复核家庭情况', fields };
  }
  return { message: base.message, fields };
}
