/** The Chinese words for the grants API's codes (金秋助学). */

/** Education levels in school order (the API's EDUCATION_LEVELS). */
export const LEVELS = [
  'primary',
  'junior_high',
  'senior_high',
  'vocational',
  'undergraduate',
  'postgraduate',
] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_LABELS: Readonly<Record<Level, string>> = {
  primary: '小学',
  junior_high: '初中',
  senior_high: '高中',
  vocational: '中职',
  undergraduate: '本科',
  postgraduate: '研究生',
};

export const APPLICATION_STATUSES = [
  'submitted',
  'approved',
  'on_hold',
  'disbursed',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_STATUS_LABELS: Readonly<Record<ApplicationStatus, string>> = {
  submitted: '待审批',
  approved: '已批准待发放',
  on_hold: '暂停发放',
  disbursed: '已发放',
  rejected: '已驳回',
  withdrawn: '已撤回',
};

export const HOLD_REASON_LABELS: Readonly<Record<string, string>> = {
  parent_case_closed: '家长的困难职工档案已销档',
  parent_tier_not_eligible: '家长的困难类型已不在本活动受理范围内',
};

export const CAMPAIGN_STATUS_LABELS: Readonly<Record<string, string>> = {
  open: '进行中',
  closed: '已结束',
};

/** The hardship tiers a campaign may accept, in the API's order. */
export const TIERS = ['deep', 'relative', 'emergency'] as const;
export type Tier = (typeof TIERS)[number];

/** The tag colour of an open campaign: dark enough to read on the tag's light ground (antd's green is not). */
export const OPEN_COLOUR = '#237804';
