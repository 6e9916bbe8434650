import type { Case } from '../../api/client';
import { addDays, formatDate } from '../../format/date';

/** One list of the 工作台 and the case-list filter behind its count (GET /hardship/cases). */
export interface WorkbenchList {
  readonly key: string;
  readonly title: string;
  readonly query: Readonly<Record<string, string>>;
  readonly href: string;
  readonly dateOf: (c: Case) => string;
}

/**
 * A worklist of another programme: the list route and status behind its count, and the screen
 * (`/workbench/<key>`) listing it whole.
 */
export interface ProgrammeList {
  readonly key: 'grants-on-hold' | 'claims-to-pay';
  readonly title: string;
  /** What the list is, under its title. */
  readonly note: string;
  readonly status: string;
  readonly href: string;
}

/**
 * 助学申请暂缓: applications `on_hold` (the parent's case was closed, or its tier is no longer
 * eligible). 医疗互助待支付: claims `approved` and not yet paid, the caseworker's next step on a
 * claim. Medical aid has no "waiting for documents" state (claims are `submitted`, `approved`,
 * `rejected` or `paid`; DOMAIN.md §3), so CONSOLE.md's "claims waiting for documents" is the list
 * of claims waiting for the caseworker: those to pay.
 */
export const PROGRAMME_LISTS: readonly ProgrammeList[] = [
  {
    key: 'grants-on-hold',
    title: '助学申请暂缓',
    note: '家长的困难职工档案已销档或困难类型已变，申请暂缓发放',
    status: 'on_hold',
    href: '/workbench/grants-on-hold',
  },
  {
    key: 'claims-to-pay',
    title: '医疗互助待支付',
    note: '审核已通过、尚未支付互助金的理赔',
    status: 'approved',
    href: '/workbench/claims-to-pay',
  },
];

/** The 工作台's case lists for the business date `today` (China). */
export function workbenchLists(today: string): { cases: WorkbenchList[] } {
  const list = (
    key: string,
    title: string,
    query: Record<string, string>,
    dateOf: WorkbenchList['dateOf'],
  ) => ({
    key,
    title,
    query: { status: 'open', ...query },
    href: `/cases?${new URLSearchParams({ status: 'open', ...query, title }).toString()}`,
    dateOf,
  });
  const review = (c: Case) => `复核 ${formatDate(c.nextReviewDue)}`;
  return {
    cases: [
      list('review-overdue', '复核已逾期', { reviewDueBefore: today }, review),
      list('review-due', '30天内到期复核', { reviewDueBefore: addDays(today, 30) }, review),
      list(
        'visit-overdue',
        '走访已逾期',
        { visitOverdue: 'true' },
        (c) => `上次走访 ${formatDate(c.lastVisitOn)}`,
      ),
    ],
  };
}
