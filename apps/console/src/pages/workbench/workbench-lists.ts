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
