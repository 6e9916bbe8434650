/**
 * The auditor's vocabulary: the Chinese words for the audit API's services, stream types, event
 * types, the fields of a record's state and the reasons verify gives. Words only: no rule.
 */
import {
  ASSISTANCE_CATEGORY_LABELS,
  ASSISTANCE_KIND_LABELS,
  CAUSE_LABELS,
  CHANNEL_LABELS,
  EVENT_LABELS,
  TIER_LABELS,
} from '../../format/labels';

/** The audited services, in the order the console lists them. */
export const AUDITED_SERVICES = [
  'hardship-cases',
  'education-grants',
  'medical-aid',
  'organisation',
] as const;
export type AuditedService = (typeof AUDITED_SERVICES)[number];

export const isAuditedService = (value: string | undefined): value is AuditedService =>
  (AUDITED_SERVICES as readonly string[]).includes(value ?? '');

export const SERVICE_LABELS: Readonly<Record<AuditedService, string>> = {
  'hardship-cases': '困难职工帮扶',
  'education-grants': '金秋助学',
  'medical-aid': '职工医疗互助',
  organisation: '工会组织',
};

export const STREAM_TYPE_LABELS: Readonly<Record<string, string>> = {
  case: '困难职工档案',
  referral: '转介单',
  policy: '区域政策',
  'holiday-batch': '送温暖批次',
  fund: '专项资金',
  campaign: '助学活动',
  application: '助学申请',
  period: '互助期次',
  member: '互助会员',
  claim: '互助金申请',
  org: '工会组织',
};

/** The stream type of a stream id (`case-<uuid>` → `case`; `holiday-batch-<uuid>` → `holiday-batch`). */
export function streamTypeOf(streamId: string): string {
  const known = Object.keys(STREAM_TYPE_LABELS)
    .filter((t) => streamId.startsWith(`${t}-`))
    .sort((a, b) => b.length - a.length)[0];
  return known ?? streamId.split('-')[0];
}

export const AUDIT_EVENT_LABELS: Readonly<Record<string, string>> = {
  ...EVENT_LABELS,
  HardshipCaseReassessed: '复核',
  ReferralReceived: '收到转介',
  ReferralAccepted: '转介已建档',
  ReferralDismissed: '转介已驳回',
  ReferralAttached: '转介并入档案',
  RegionPolicyPublished: '发布区域政策',
  FundCreated: '设立专项资金',
  FundAllocated: '下拨资金',
  FundDrawn: '资金支出',
  FundDrawReturned: '资金退回',
  FundReservedForBatch: '为批次预留资金',
  FundBatchReleased: '释放批次资金',
  HolidayBatchPrepared: '编制送温暖批次',
  HolidayBatchApproved: '送温暖批次审批通过',
  HolidayBatchRefused: '送温暖批次未通过',
  HolidayBatchStarted: '送温暖批次开始发放',
  HolidayBatchChunkRecorded: '送温暖批次分段发放',
  HolidayBatchFinished: '送温暖批次发放完成',
  CampaignOpened: '开设助学活动',
  CampaignClosed: '结束助学活动',
  BudgetReserved: '预留助学预算',
  ReservationReleased: '释放预留预算',
  GrantPaidFromBudget: '助学金从预算支出',
  GrantApplicationSubmitted: '提交助学申请',
  GrantApplicationApproved: '助学申请审批通过',
  GrantApplicationRejected: '助学申请审批驳回',
  GrantApplicationPutOnHold: '助学申请暂缓',
  GrantApplicationReleasedFromHold: '助学申请恢复办理',
  GrantApplicationWithdrawn: '撤回助学申请',
  GrantDisbursed: '发放助学金',
  PeriodOpened: '开设互助期次',
  MemberEnrolled: '会员参保',
  CapReserved: '预留年度限额',
  ClaimAdmissionRegistered: '登记住院',
  ClaimAdmissionReleased: '撤销住院登记',
  ClaimSubmitted: '提交互助金申请',
  ClaimApproved: '互助金申请审批通过',
  ClaimRejected: '互助金申请审批驳回',
  ClaimPaid: '支付互助金',
  ClaimPaymentRecorded: '记录互助金支付',
  SeriousIllnessAidGranted: '大病救助',
  HardshipRiskDetected: '发现致困风险',
  OrgUnitCreated: '新设组织',
  OrgUnitRenamed: '组织更名',
  OrgUnitMoved: '组织调整隶属',
  OrgUnitClosed: '撤销组织',
};

/**
 * The decisions an auditor opens "as decided" on: approvals, rejections, payments (and the
 * assistance a caseworker recorded without approval, which is its own payment).
 */
export const DECISION_TYPES: ReadonlySet<string> = new Set([
  'AssistanceRecorded',
  'AssistanceApproved',
  'AssistanceRejected',
  'HolidayBatchApproved',
  'HolidayBatchRefused',
  'GrantApplicationApproved',
  'GrantApplicationRejected',
  'GrantDisbursed',
  'ClaimApproved',
  'ClaimRejected',
  'ClaimPaid',
  'HardshipCaseOpened',
  'HardshipCaseReassessed',
]);

export const POLICY_KIND_LABELS: Readonly<Record<string, string>> = {
  'region-policy': '区域困难标准（低保标准与相对困难倍数）',
  'assistance-limits': '帮扶额度（需第二审核人的金额与年度上限）',
  campaign: '助学活动（各学段金额、可申请的困难类型与预算）',
  'period-rules': '互助期次规则（起付线、分段比例与限额）',
  unknown: '未识别的政策',
};

const STATUS_LABELS: Readonly<Record<string, string>> = {
  none: '尚无记录',
  open: '进行中',
  closed: '已结束',
  submitted: '已提交',
  approved: '已批准',
  rejected: '已驳回',
  disbursed: '已发放',
  withdrawn: '已撤回',
  on_hold: '暂缓办理',
  paid: '已支付',
  pending: '待处理',
  pending_approval: '待第二审核人审批',
  accepted: '已建档',
  dismissed: '已驳回',
  attached: '已并入档案',
  draft: '草稿',
  running: '发放中',
  done: '已完成',
  refused: '未通过',
  active: '有效',
};

const LEVEL_LABELS: Readonly<Record<string, string>> = {
  primary: '小学',
  junior_high: '初中',
  senior_high: '高中',
  vocational: '中职',
  undergraduate: '本科',
  postgraduate: '研究生',
};

/** The words for a field's coded values, by the field's name. */
export const VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  status: STATUS_LABELS,
  tier: TIER_LABELS,
  computedTier: TIER_LABELS,
  fromTier: TIER_LABELS,
  toTier: TIER_LABELS,
  tierOverride: TIER_LABELS,
  tiers: TIER_LABELS,
  eligibleTiers: TIER_LABELS,
  causes: CAUSE_LABELS,
  channel: CHANNEL_LABELS,
  category: ASSISTANCE_CATEGORY_LABELS,
  kind: ASSISTANCE_KIND_LABELS,
  level: LEVEL_LABELS,
  heldFrom: STATUS_LABELS,
};

/** The words for a field of a record, an event or a policy, by its name. */
export const FIELD_WORDS: Readonly<Record<string, string>> = {
  status: '状态',
  tier: '困难类型',
  computedTier: '按标准认定',
  tierOverride: '人工认定',
  overrideReason: '人工认定理由',
  fromTier: '原困难类型',
  toTier: '新困难类型',
  household: '家庭情况',
  size: '家庭人口',
  monthlyIncomeFen: '家庭月收入',
  perCapitaIncomeFen: '人均月收入',
  causes: '致困原因',
  channel: '来源渠道',
  nextReviewDue: '下次复核',
  pairing: '结对帮扶',
  helperName: '帮扶人',
  helperUnit: '帮扶人单位',
  assistance: '帮扶记录',
  assistanceId: '帮扶编号',
  amountFen: '金额',
  category: '类别',
  kind: '形式',
  description: '说明',
  fundId: '资金',
  fundSource: '资金来源',
  regionCode: '行政区划',
  caseId: '档案编号',
  personRef: '人员标识',
  referralIds: '转介单',
  referralId: '转介单',
  externalSourceEventIds: '其他项目事件',
  emergencyExpenseFen: '意外支出',
  unitId: '所在单位',
  name: '姓名',
  memberName: '姓名',
  idNumberMasked: '身份证号',
  openedOn: '建档日期',
  openedAt: '建档时间',
  reason: '理由',
  note: '备注',
  visitedOn: '走访日期',
  visitor: '走访人',
  findings: '走访情况',
  recordedOn: '记录日期',
  approvedBy: '审批人',
  decidedBy: '决定人',
  rejectedBy: '驳回人',
  minimumLivingStandardFen: '低保标准（每人每月）',
  relativeMultiplierBp: '相对困难倍数',
  relativeLineFen: '相对困难标准（每人每月）',
  policyVersion: '政策版本',
  publishedBy: '发布人',
  publishedAt: '发布时间',
  approvalThresholdFen: '需第二审核人的金额',
  annualAssistanceCapFen: '年度帮扶上限',
  budgetFen: '预算',
  reservedFen: '已预留',
  disbursedFen: '已发放',
  remainingFen: '剩余',
  opened: '开设情况',
  year: '年度',
  opensOn: '开始申请',
  closesOn: '截止申请',
  schoolStartOn: '开学日期',
  amountsByLevelFen: '各学段金额',
  eligibleTiers: '可申请的困难类型',
  submitted: '申请内容',
  recurring: '连续资助',
  heldFrom: '暂缓前状态',
  campaignId: '助学活动',
  applicationId: '申请编号',
  parentPersonRef: '家长标识',
  studentPersonRef: '学生标识',
  student: '学生',
  level: '学段',
  school: '学校',
  paymentRef: '支付凭证',
  paidOn: '支付日期',
  period: '期次',
  periodId: '互助期次',
  claim: '申请内容',
  claimId: '申请编号',
  claimIds: '互助金申请',
  quote: '测算结果',
  bill: '医疗费用',
  totalFen: '医疗总费用',
  basicInsurancePaidFen: '基本医保支付',
  seriousIllnessInsurancePaidFen: '大病保险支付',
  medicalAssistancePaidFen: '医疗救助支付',
  employerPaidFen: '单位支付',
  otherPaidFen: '其他支付',
  outOfPocketFen: '个人自付',
  deductibleFen: '起付线',
  eligibleFen: '可报销金额',
  bands: '分段',
  uptoFen: '分段上限',
  ratioBp: '比例',
  baseFen: '分段基数',
  capAppliedFen: '封顶扣减',
  payoutFen: '互助金',
  remainingBurdenFen: '剩余负担',
  burdenFen: '医疗负担',
  eligibleLoweredFromFen: '核减前可报销金额',
  seriousIllnessAidFen: '大病救助',
  payoutsFen: '累计互助金',
  hospital: '医院',
  admittedOn: '入院日期',
  dischargedOn: '出院日期',
  diagnosisCode: '诊断编码',
  rules: '规则',
  inpatient: '住院',
  seriousIllness: '大病',
  hardshipRisk: '致困风险',
  thresholdFen: '门槛',
  annualCapFen: '年度限额',
  capFen: '限额',
  contributionFen: '会费',
  waitingDays: '等待期（天）',
  claimDeadlineDays: '申请期限（天）',
  coverageStart: '保障开始',
  coverageEnd: '保障结束',
  enrollmentOpensOn: '参保开始',
  enrollmentClosesOn: '参保截止',
  waived: '减免会费',
  totalGrantedFen: '累计救助',
  orgId: '组织编号',
  parentId: '上级组织',
  path: '组织路径',
  batchId: '批次编号',
  amountsByTierFen: '各困难类型金额',
  tiers: '困难类型',
  holderOrgId: '持有组织',
};

/** The Chinese of a verify break's reason (the API's English kept beside it). */
export function reasonInChinese(reason: string): string {
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^hash does not match the event content \(altered\)$/, () => '事件内容与其哈希不符：该事件被改动过'],
    [
      /^prev_hash does not match the previous event$/,
      () => '前一哈希与上一版本的哈希不符：上一版本被改动或替换',
    ],
    [/^version (\d+) of the stream is missing$/, (m) => `该记录的第 ${m[1]} 版缺失：事件被删除`],
    [/^version (\d+) is missing/, (m) => `该记录的第 ${m[1]} 版缺失：事件被删除`],
    [
      /^the sealed event at position (\d+) is missing/,
      (m) => `封存时位于位置 ${m[1]} 的事件已不存在：最新的事件被删除`,
    ],
    [
      /^(\d+) events sealed in .*, (\d+) found/,
      (m) => `封存时有 ${m[1]} 条事件，现只找到 ${m[2]} 条：事件被删除或增加`,
    ],
    [/^the rolling hash of .* does not match the seal/, () => '事件的累计哈希与封存不符：事件被改动或替换'],
    [/^the anchored seal (\d+) is missing$/, (m) => `粘贴的锚点所指的封存 ${m[1]} 已不存在`],
    [
      /^seal (\d+) is not the anchored one/,
      (m) => `封存 ${m[1]} 与粘贴的锚点不符：日志在锚点之后被重写并重新封存`,
    ],
    [/^seal (\d+) is missing$/, (m) => `封存 ${m[1]} 缺失`],
    [/^prev_hash does not match the previous seal$/, () => '封存的前一哈希与上一封存不符'],
    [/^seal hash does not match its content \(altered\)$/, () => '封存内容与其哈希不符：封存被改动过'],
    [/^seal count does not add up$/, () => '封存的累计事件数对不上'],
    [/^seal horizon does not advance$/, () => '封存的事务界限没有前进'],
  ];
  for (const [pattern, say] of rules) {
    const m = pattern.exec(reason);
    if (m) return say(m);
  }
  return '校验未通过';
}
