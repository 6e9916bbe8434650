/** The Chinese words for the API's codes (every word a caseworker reads is Chinese). */

export const TIER_LABELS: Readonly<Record<string, string>> = {
  deep: '深度困难',
  relative: '相对困难',
  emergency: '意外致困',
};

export const CAUSE_LABELS: Readonly<Record<string, string>> = {
  illness: '因病',
  disability: '因残',
  education: '因学',
  disaster: '因灾',
  accident: '因意外事故',
  unemployment: '因失业',
  other: '其他',
};

export const CHANNEL_LABELS: Readonly<Record<string, string>> = {
  walk_in: '来访',
  hotline_12351: '12351热线',
  referral: '转介',
  home_visit: '走访发现',
};

export const CASE_STATUS_LABELS: Readonly<Record<string, string>> = { open: '在档', closed: '已销档' };

export const REFERRAL_STATUS_LABELS: Readonly<Record<string, string>> = {
  pending: '待处理',
  accepted: '已建档',
  dismissed: '已驳回',
  attached: '已并入档案',
};

export const ASSISTANCE_KIND_LABELS: Readonly<Record<string, string>> = {
  cash: '现金',
  goods: '实物',
  service: '服务',
};

export const ASSISTANCE_CATEGORY_LABELS: Readonly<Record<string, string>> = {
  living: '生活救助',
  medical: '医疗救助',
  education: '助学',
  holiday: '节日慰问',
  emergency: '临时救助',
};

export const ASSISTANCE_STATUS_LABELS: Readonly<Record<string, string>> = {
  disbursed: '已发放',
  pending_approval: '待第二审核人审批',
  rejected: '已驳回',
};

export const EXTERNAL_LABELS: Readonly<Record<string, string>> = {
  GrantDisbursed: '金秋助学金发放',
  ClaimPaid: '医疗互助金赔付',
  SeriousIllnessAidGranted: '大病救助',
};

export const EVENT_LABELS: Readonly<Record<string, string>> = {
  HardshipCaseOpened: '建档',
  HardshipCaseReassessed: '复核',
  HardshipTierChanged: '困难类型变更',
  HomeVisitRecorded: '入户走访',
  PairingAssigned: '结对帮扶',
  HardshipCaseClosed: '销档',
  HardshipCaseReopened: '重新建档',
  ExternalAssistanceRecorded: '其他项目帮扶',
  AssistanceRecorded: '申请帮扶',
  AssistanceApproved: '帮扶审批通过',
  AssistanceRejected: '帮扶审批驳回',
};

export const ROLE_LABELS: Readonly<Record<string, string>> = {
  caseworker: '帮扶干部',
  reviewer: '审核人',
  admin: '管理员',
  auditor: '审计',
};

/** The label of `code`, or the code itself when the console has no word for it yet. */
export const labelOf = (labels: Readonly<Record<string, string>>, code: string | null | undefined): string =>
  code == null ? '—' : (labels[code] ?? code);
