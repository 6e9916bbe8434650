import type { Schemas } from '../../api/client';
import { formatDate, formatInstant } from '../../format/date';
import { ASSISTANCE_CATEGORY_LABELS, ASSISTANCE_KIND_LABELS, labelOf } from '../../format/labels';
import { formatFen, formatYuan } from '../../format/money';

export type ApprovalItem = Schemas['ApprovalItem'];
export type ApprovalKind = ApprovalItem['kind'];
export type ApprovalInbox = Schemas['ApprovalInbox'];
export type Band = Schemas['InboxClaim']['quote']['bands'][number];

/** The programme of each kind of decision, as the inbox names it. */
export const KIND_LABELS: Readonly<Record<ApprovalKind, string>> = {
  assistance: '帮扶救助',
  application: '金秋助学',
  claim: '医疗互助',
  holidayBatch: '送温暖',
};

/** How each kind is counted (a batch is one list of households). */
export const KIND_UNITS: Readonly<Record<ApprovalKind, string>> = {
  assistance: '件',
  application: '件',
  claim: '件',
  holidayBatch: '批',
};

export const KINDS: readonly ApprovalKind[] = ['assistance', 'application', 'claim', 'holidayBatch'];

export const EDUCATION_LEVEL_LABELS: Readonly<Record<string, string>> = {
  primary: '小学',
  junior_high: '初中',
  senior_high: '高中',
  vocational: '中职',
  undergraduate: '本科',
  postgraduate: '研究生',
};

/** One line naming what is to be decided: who, and what for. */
export function itemTitle(item: ApprovalItem): string {
  switch (item.kind) {
    case 'assistance': {
      const r = item.record;
      return `${r.case.person.name} · ${labelOf(ASSISTANCE_CATEGORY_LABELS, r.category)}（${labelOf(ASSISTANCE_KIND_LABELS, r.kind)}）`;
    }
    case 'application': {
      const r = item.record;
      return `${r.student.name} · ${labelOf(EDUCATION_LEVEL_LABELS, r.student.level)} · ${r.student.school}`;
    }
    case 'claim':
      return `${item.record.member.name} · ${item.record.hospital}`;
    case 'holidayBatch':
      return `${item.record.name}（${item.record.totals.includedCount} 户）`;
  }
}

/** When it was submitted: date and time, or the date alone when only that was kept. */
export const submittedText = (at: string): string => (at.length === 10 ? formatDate(at) : formatInstant(at));

/** The part of the eligible amount a band covers: `0.00 至 50,000.00 元`, `50,000.00 元以上`. */
export function bandText(bands: readonly Band[], index: number): string {
  const upto = bands[index].uptoFen ?? null;
  const lower = index > 0 ? (bands[index - 1].uptoFen ?? 0) : 0;
  if (upto !== null) return `${formatFen(lower)} 至 ${formatYuan(upto)}`;
  return lower === 0 ? '全部' : `${formatYuan(lower)}以上`;
}
