/**
 * The person view (`GET /api/v1/people/{idNumber}`) as tables: the year's totals per programme
 * and each programme's records. A programme that did not answer is "暂时无法查询", never zero,
 * and then the total is not given either (the API sends null for both).
 */
import type { Schemas } from '../../api/client';
import { tableOf, type FigureTable } from '../../export/figure-table';
import {
  ASSISTANCE_CATEGORY_LABELS,
  ASSISTANCE_STATUS_LABELS,
  CASE_STATUS_LABELS,
  labelOf,
  TIER_LABELS,
} from '../../format/labels';
import {
  APPLICATION_STATUS_LABELS,
  CLAIM_STATUS_LABELS,
  EDUCATION_LEVEL_LABELS,
  HOLD_REASON_LABELS,
  PERSON_ROLE_LABELS,
} from './labels';

export type PersonView = Schemas['PersonView'];
type Hardship = Schemas['PersonHardshipRecords'];
type Grants = Schemas['PersonGrantsRecords'];
type MedicalAid = Schemas['PersonMedicalAidRecords'];

export const UNAVAILABLE = '暂时无法查询';

/** The programmes of the view, in the order the screen shows them. */
export const PROGRAMMES = [
  { key: 'hardship', label: '困难帮扶' },
  { key: 'grants', label: '金秋助学' },
  { key: 'medicalAid', label: '医疗互助' },
] as const;

/** 本年度已领取: each programme's fen, or 暂时无法查询; the total only when every programme answered. */
export function receivedTable(view: PersonView, year: string): FigureTable {
  const fen = view.receivedThisYearFen;
  const rows: { label: string; amount: number | null }[] = [
    ...PROGRAMMES.map((p) => ({ label: p.label, amount: fen[p.key] })),
    { label: '合计', amount: fen.total },
  ];
  return tableOf(
    `${year}年已领取`,
    [
      { header: '项目', kind: 'text', cell: (r) => r.label },
      { header: '金额', kind: 'yuan', cell: (r) => r.amount ?? UNAVAILABLE },
    ],
    rows,
  );
}

/** The person's name as the records give it (a case, a membership, or a student application). */
export function nameOf(view: PersonView): string | undefined {
  const cases = view.hardship.records?.cases ?? [];
  const members = view.medicalAid.records?.memberships ?? [];
  const asStudent = (view.grants.records?.applications ?? []).find((a) => a.as.includes('student'));
  return cases[0]?.person.name ?? members[0]?.member.name ?? asStudent?.student.name;
}

export const casesTable = (r: Hardship): FigureTable =>
  tableOf(
    '困难职工档案',
    [
      { header: '姓名', kind: 'text', cell: (c) => c.person.name },
      { header: '困难类型', kind: 'text', cell: (c) => labelOf(TIER_LABELS, c.tier) },
      { header: '所在单位', kind: 'text', cell: (c) => c.unitId },
      { header: '状态', kind: 'text', cell: (c) => labelOf(CASE_STATUS_LABELS, c.status) },
      { header: '下次复核', kind: 'date', cell: (c) => c.nextReviewDue },
      { header: '本年已获帮扶', kind: 'yuan', cell: (c) => c.assistanceThisYearFen },
    ],
    r.cases,
  );

export const assistanceTable = (r: Hardship): FigureTable =>
  tableOf(
    '帮扶救助',
    [
      { header: '登记日期', kind: 'date', cell: (a) => a.recordedOn },
      { header: '类别', kind: 'text', cell: (a) => labelOf(ASSISTANCE_CATEGORY_LABELS, a.category) },
      { header: '金额', kind: 'yuan', cell: (a) => a.amountFen },
      { header: '状态', kind: 'text', cell: (a) => labelOf(ASSISTANCE_STATUS_LABELS, a.status) },
    ],
    r.assistance,
  );

export const applicationsTable = (r: Grants): FigureTable =>
  tableOf(
    '金秋助学申请',
    [
      { header: '学生', kind: 'text', cell: (a) => a.student.name },
      {
        header: '此人身份',
        kind: 'text',
        cell: (a) => a.as.map((x) => labelOf(PERSON_ROLE_LABELS, x)).join('、'),
      },
      { header: '学段', kind: 'text', cell: (a) => labelOf(EDUCATION_LEVEL_LABELS, a.student.level) },
      { header: '学校', kind: 'text', cell: (a) => a.student.school },
      { header: '助学金', kind: 'yuan', cell: (a) => a.amountFen },
      {
        header: '状态',
        kind: 'text',
        cell: (a) =>
          a.status === 'on_hold' && a.holdReason
            ? `${labelOf(APPLICATION_STATUS_LABELS, a.status)}（${labelOf(HOLD_REASON_LABELS, a.holdReason)}）`
            : labelOf(APPLICATION_STATUS_LABELS, a.status),
      },
      { header: '发放日期', kind: 'date', cell: (a) => a.paidOn },
    ],
    r.applications,
  );

export const membershipsTable = (r: MedicalAid, periodName: (periodId: string) => string): FigureTable =>
  tableOf(
    '医疗互助参加记录',
    [
      { header: '互助期次', kind: 'text', cell: (m) => periodName(m.periodId) },
      { header: '所在单位', kind: 'text', cell: (m) => m.unitId },
      { header: '参加日期', kind: 'date', cell: (m) => m.enrolledOn },
      { header: '个人缴费', kind: 'yuan', cell: (m) => m.contributionFen },
      { header: '缴费方式', kind: 'text', cell: (m) => (m.waived ? '工会兜底' : '个人缴纳') },
      { header: '本期互助金', kind: 'yuan', cell: (m) => m.totals.payoutsFen },
      { header: '大病救助', kind: 'yuan', cell: (m) => m.totals.seriousIllnessAidFen },
    ],
    r.memberships,
  );

export const claimsTable = (r: MedicalAid): FigureTable =>
  tableOf(
    '医疗互助理赔',
    [
      { header: '医院', kind: 'text', cell: (c) => c.hospital },
      { header: '入院日期', kind: 'date', cell: (c) => c.admittedOn },
      { header: '出院日期', kind: 'date', cell: (c) => c.dischargedOn },
      { header: '个人自付', kind: 'yuan', cell: (c) => c.quote.outOfPocketFen },
      { header: '互助金', kind: 'yuan', cell: (c) => c.quote.payoutFen },
      { header: '状态', kind: 'text', cell: (c) => labelOf(CLAIM_STATUS_LABELS, c.status) },
      { header: '支付日期', kind: 'date', cell: (c) => c.paidOn },
    ],
    r.claims,
  );
