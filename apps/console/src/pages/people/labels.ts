/**
 * The Chinese words for the grants and medical-aid codes the person view, 工作台's worklists and
 * 统计报表 show (kept with this area, so programmes' own screens may keep theirs).
 */

export const APPLICATION_STATUS_LABELS: Readonly<Record<string, string>> = {
  submitted: '待审核',
  approved: '已批准',
  rejected: '未批准',
  disbursed: '已发放',
  withdrawn: '已撤回',
  on_hold: '暂缓',
};

export const EDUCATION_LEVEL_LABELS: Readonly<Record<string, string>> = {
  primary: '小学',
  junior_high: '初中',
  senior_high: '高中',
  vocational: '中职',
  undergraduate: '本科',
  postgraduate: '研究生',
};

export const PERSON_ROLE_LABELS: Readonly<Record<string, string>> = { parent: '家长', student: '学生' };

export const CLAIM_STATUS_LABELS: Readonly<Record<string, string>> = {
  submitted: '待审核',
  approved: '已批准待支付',
  rejected: '未批准',
  paid: '已支付',
};

export const CAMPAIGN_STATUS_LABELS: Readonly<Record<string, string>> = { open: '进行中', closed: '已结束' };

export const HOLD_REASON_LABELS: Readonly<Record<string, string>> = {
  parent_case_closed: '家长的困难职工档案已销档',
  parent_tier_not_eligible: '家长的困难类型不在本次资助范围',
};
