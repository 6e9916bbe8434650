import { formatYuan } from '../format/money';

/** An `application/problem+json` answer of the API (API.md, "Errors"), with its extra fields. */
export interface Problem {
  readonly type?: string;
  readonly title?: string;
  readonly status?: number;
  readonly detail?: string;
  readonly code?: string;
  readonly errors?: readonly { readonly field: string; readonly message: string }[];
  readonly [extra: string]: unknown;
}

/** What a form shows for a refused request: one sentence, and a message under each field. */
export interface MappedProblem {
  readonly message: string;
  /** Keyed by the API's field path (`person.idNumber`), which is also the form field's name path. */
  readonly fields: Readonly<Record<string, string>>;
}

const CODE_MESSAGES: Readonly<Record<string, string>> = {
  VALIDATION_FAILED: '填写的内容有误，请按提示修改标红的项目',
  UNAUTHENTICATED: '登录已失效，请重新登录',
  FORBIDDEN: '您没有办理此事项的权限，或该记录不属于您所在的单位',
  SAME_ACTOR: '不能审批自己提交的事项，请由另一位审核人办理',
  NOT_FOUND: '未找到该记录',
  CONFLICT: '与已有记录冲突',
  VERSION_CONFLICT: '该记录已被他人修改，请刷新后重试',
  DUPLICATE: '该记录已存在，请勿重复提交',
  BUDGET_EXHAUSTED: '预算已用完，无法继续办理',
  NOT_ELIGIBLE: '不符合办理条件',
  RULE_VIOLATION: '不符合办理规则',
  PERSON_RESTRICTED: '此人的个人信息已限制处理（只保存、不使用），不能办理',
  IDEMPOTENCY_KEY_REUSED: '重复提交的内容与第一次不同，请刷新后重试',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  SERVICE_UNAVAILABLE: '系统暂时无法办理，请稍后再试',
};

/** The Chinese names of the API's fields, for the message under a refused field. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  'person.idNumber': '身份证号码',
  'person.name': '姓名',
  'person.phone': '联系电话',
  purpose: '用途',
  unitId: '所在单位',
  regionCode: '行政区划代码',
  'household.size': '家庭人口',
  'household.monthlyIncomeFen': '家庭月收入',
  causes: '致困原因',
  channel: '来源渠道',
  emergencyExpenseFen: '意外支出',
  tierOverride: '人工认定困难类型',
  overrideReason: '人工认定理由',
  referralId: '转介单',
  // 个人信息处理授权 (cases and applications)
  consent: '授权书',
  'consent.documentRef': '授权书编号',
  'consent.signedOn': '授权书签署日期',
  reason: '理由',
  minimumLivingStandardFen: '低保标准',
  relativeMultiplierBp: '相对困难倍数',
  // 医疗互助 (claims, payment, periods)
  periodId: '期次',
  idNumber: '身份证号码',
  hospital: '医院',
  admittedOn: '入院日期',
  dischargedOn: '出院日期',
  diagnosisCode: '诊断编码',
  bill: '费用明细',
  'bill.totalFen': '医疗总费用',
  'bill.basicInsurancePaidFen': '基本医疗保险支付',
  'bill.seriousIllnessInsurancePaidFen': '大病保险支付',
  'bill.medicalAssistancePaidFen': '医疗救助支付',
  'bill.employerPaidFen': '单位支付',
  'bill.otherPaidFen': '其他支付',
  paymentRef: '支付凭证号',
  paidOn: '支付日期',
  // 金秋助学
  campaignId: '助学活动',
  parentIdNumber: '家长身份证号码',
  'student.idNumber': '学生身份证号码',
  'student.name': '学生姓名',
  'student.level': '学段',
  'student.school': '学校',
  year: '年度',
  name: '名称',
  budgetFen: '预算',
  opensOn: '受理开始日期',
  closesOn: '受理截止日期',
  schoolStartOn: '开学日期',
  amountsByLevelFen: '资助标准',
  eligibleTiers: '受理的困难类型',
};

/** Whether an unknown value is a problem answer. */
export function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).code === 'string';
}

/**
 * A refused request in Chinese: the sentence for its code (with the figures of a NOT_ELIGIBLE or
 * a second open case), and each `errors[].field` as a message under that field. The API's own
 * messages are English and never shown; a field the console has no name for keeps the sentence.
 */
export function mapProblem(problem: Problem): MappedProblem {
  const code = problem.code ?? '';
  const fields: Record<string, string> = {};
  for (const { field } of problem.errors ?? []) {
    const label = FIELD_LABELS[field];
    fields[field] = label ? `${label}填写有误，请核对` : '此项填写有误，请核对';
  }
  return { message: sentenceOf(code, problem), fields };
}

function sentenceOf(code: string, problem: Problem): string {
  if (code === 'NOT_ELIGIBLE' && typeof problem.perCapitaIncomeFen === 'number') {
    const line = typeof problem.relativeLineFen === 'number' ? problem.relativeLineFen : undefined;
    if (line !== undefined) {
      return (
        `不符合困难职工认定条件：家庭人均月收入 ${formatYuan(problem.perCapitaIncomeFen)}，` +
        `高于相对困难标准 ${formatYuan(line)}（高出 ${formatYuan(problem.perCapitaIncomeFen - line)}）`
      );
    }
  }
  if (code === 'CONFLICT' && 'existingCaseId' in problem)
    return '此人已有在档的困难职工档案，请在原档案中办理';
  if (code === 'CONFLICT' && /open hardship case/.test(problem.detail ?? '')) {
    return '此人已在其他单位建有在档的困难职工档案';
  }
  if (problem.status !== undefined && problem.status >= 500 && !CODE_MESSAGES[code]) {
    return CODE_MESSAGES.SERVICE_UNAVAILABLE;
  }
  return CODE_MESSAGES[code] ?? '办理未成功，请稍后再试';
}
