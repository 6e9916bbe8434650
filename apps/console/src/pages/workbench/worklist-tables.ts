/**
 * The worklists as tables (on the list screens and in their .xlsx export): one column list per
 * kind of record, so the export holds what the screen shows.
 */
import type { Case, Referral, Schemas } from '../../api/client';
import { tableOf, type ColumnOf, type FigureTable } from '../../export/figure-table';
import { chinaDateOf } from '../../format/date';
import { CASE_STATUS_LABELS, labelOf, TIER_LABELS } from '../../format/labels';
import {
  APPLICATION_STATUS_LABELS,
  CLAIM_STATUS_LABELS,
  EDUCATION_LEVEL_LABELS,
  HOLD_REASON_LABELS,
} from '../people/labels';

type Application = Schemas['Application'];
type Claim = Schemas['Claim'];

/** The China calendar day of an instant (`2026-09-01T17:00:00Z` → `2026-09-02`). */
const chinaDay = (instant: string): string => chinaDateOf(new Date(instant));

const CASE_COLUMNS: readonly ColumnOf<Case>[] = [
  { header: '姓名', kind: 'text', cell: (c) => c.person.name },
  { header: '身份证号', kind: 'text', cell: (c) => c.person.idNumberMasked },
  { header: '困难类型', kind: 'text', cell: (c) => labelOf(TIER_LABELS, c.tier) },
  { header: '所在单位', kind: 'text', cell: (c) => c.unitId },
  { header: '家庭人口', kind: 'integer', cell: (c) => c.household.size },
  { header: '家庭人均月收入', kind: 'yuan', cell: (c) => c.perCapitaIncomeFen },
  { header: '本年已获帮扶', kind: 'yuan', cell: (c) => c.assistanceThisYearFen },
  { header: '下次复核', kind: 'date', cell: (c) => c.nextReviewDue },
  { header: '上次走访', kind: 'date', cell: (c) => c.lastVisitOn },
  { header: '状态', kind: 'text', cell: (c) => labelOf(CASE_STATUS_LABELS, c.status) },
];

const APPLICATION_COLUMNS: readonly ColumnOf<Application>[] = [
  { header: '学生姓名', kind: 'text', cell: (a) => a.student.name },
  { header: '学生身份证号', kind: 'text', cell: (a) => a.student.idNumberMasked },
  { header: '家长身份证号', kind: 'text', cell: (a) => a.parent.idNumberMasked },
  { header: '学段', kind: 'text', cell: (a) => labelOf(EDUCATION_LEVEL_LABELS, a.student.level) },
  { header: '学校', kind: 'text', cell: (a) => a.student.school },
  { header: '所在单位', kind: 'text', cell: (a) => a.unitId },
  { header: '助学金', kind: 'yuan', cell: (a) => a.amountFen },
  { header: '状态', kind: 'text', cell: (a) => labelOf(APPLICATION_STATUS_LABELS, a.status) },
  {
    header: '暂缓原因',
    kind: 'text',
    cell: (a) => (a.holdReason ? labelOf(HOLD_REASON_LABELS, a.holdReason) : null),
  },
  { header: '提交日期', kind: 'date', cell: (a) => chinaDay(a.submittedAt) },
];

const CLAIM_COLUMNS: readonly ColumnOf<Claim>[] = [
  { header: '姓名', kind: 'text', cell: (c) => c.member.name },
  { header: '身份证号', kind: 'text', cell: (c) => c.member.idNumberMasked },
  { header: '所在单位', kind: 'text', cell: (c) => c.unitId },
  { header: '医院', kind: 'text', cell: (c) => c.hospital },
  { header: '入院日期', kind: 'date', cell: (c) => c.admittedOn },
  { header: '出院日期', kind: 'date', cell: (c) => c.dischargedOn },
  { header: '个人自付', kind: 'yuan', cell: (c) => c.quote.outOfPocketFen },
  { header: '互助金', kind: 'yuan', cell: (c) => c.quote.payoutFen },
  { header: '状态', kind: 'text', cell: (c) => labelOf(CLAIM_STATUS_LABELS, c.status) },
  { header: '支付日期', kind: 'date', cell: (c) => c.paidOn },
];

const REFERRAL_COLUMNS: readonly ColumnOf<Referral>[] = [
  { header: '姓名', kind: 'text', cell: (r) => r.memberName },
  { header: '所在单位', kind: 'text', cell: (r) => r.unitId },
  { header: '剩余负担', kind: 'yuan', cell: (r) => r.remainingBurdenFen },
  { header: '转介日期', kind: 'date', cell: (r) => chinaDay(r.receivedAt) },
];

export const caseTable = (title: string, rows: readonly Case[]): FigureTable =>
  tableOf(title, CASE_COLUMNS, rows);
export const applicationTable = (title: string, rows: readonly Application[]): FigureTable =>
  tableOf(title, APPLICATION_COLUMNS, rows);
export const claimTable = (title: string, rows: readonly Claim[]): FigureTable =>
  tableOf(title, CLAIM_COLUMNS, rows);
export const referralTable = (title: string, rows: readonly Referral[]): FigureTable =>
  tableOf(title, REFERRAL_COLUMNS, rows);
