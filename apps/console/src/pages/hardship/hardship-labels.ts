/** The Chinese words of the hardship case file's own codes (the shared ones are in format/labels). */

export const CLOSE_REASON_LABELS: Readonly<Record<string, string>> = {
  out_of_hardship: '已脱困',
  moved_away: '迁出',
  deceased: '已故',
  duplicate: '重复建档',
  declined: '本人放弃',
  other: '其他',
};

/** The events of a case file that the shared EVENT_LABELS does not name. */
export const MORE_EVENT_LABELS: Readonly<Record<string, string>> = {
  ReferralAttached: '转介并入档案',
};

export const FUND_CATEGORY_LABELS: Readonly<Record<string, string>> = {
  any: '不限类别',
};
