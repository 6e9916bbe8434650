/**
 * 统计报表's figures as tables: what each chart draws, exact in yuan, on screen under the chart
 * and in the report's .xlsx. Every figure is the API's; the only arithmetic here is a share of a
 * whole, in integer basis points.
 */
import type { Schemas } from '../../api/client';
import { tableOf, type FigureTable } from '../../export/figure-table';
import { ASSISTANCE_CATEGORY_LABELS, labelOf, TIER_LABELS } from '../../format/labels';

export type FundReport = Schemas['FundReport'];
export type Campaign = Schemas['Campaign'];
export type HardshipStats = Schemas['HardshipStats'];

export const TIERS = ['deep', 'relative', 'emergency'] as const;
export const CATEGORIES = ['living', 'medical', 'education', 'holiday', 'emergency'] as const;

/** `part` of `whole` in basis points, rounded down, by integer arithmetic; null for an empty whole. */
export function bpOf(part: number, whole: number): number | null {
  if (!Number.isSafeInteger(part) || !Number.isSafeInteger(whole)) {
    throw new RangeError(`A share is taken of whole numbers; got ${part} of ${whole}.`);
  }
  if (whole === 0) return null;
  return Number((BigInt(part) * 10_000n) / BigInt(whole));
}

/** `2026-09` → `2026年9月`. */
export const monthText = (month: string): string => {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${m[1]}年${Number(m[2])}月` : month;
};

/** 医疗互助基金使用率: the node asked for, then each child node when grouped. */
export function fundTable(report: FundReport, nodeName: string): FigureTable {
  type Row = Omit<FundReport, 'periodId'> & { name: string };
  const rows: Row[] = [{ ...report, name: nodeName }, ...(report.byChild ?? [])];
  return tableOf<Row>(
    '医疗互助基金使用情况',
    [
      { header: '单位', kind: 'text', cell: (r) => r.name },
      { header: '缴费人数', kind: 'integer', cell: (r) => r.membersPaid },
      { header: '兜底人数', kind: 'integer', cell: (r) => r.membersWaived },
      { header: '互助金收入', kind: 'yuan', cell: (r) => r.contributionsFen },
      { header: '赔付人次', kind: 'integer', cell: (r) => r.claimsPaid },
      { header: '互助金支出', kind: 'yuan', cell: (r) => r.payoutsFen },
      { header: '大病救助', kind: 'yuan', cell: (r) => r.seriousIllnessAidFen },
      { header: '使用率', kind: 'percent', cell: (r) => r.usageRateBp ?? '暂无缴费' },
      { header: '超支', kind: 'text', cell: (r) => (r.deficit ? '是' : '否') },
    ],
    rows,
  );
}

/** 医疗互助按月赔付: the paid claims of each month. */
export const payoutsTable = (report: FundReport): FigureTable =>
  tableOf(
    '医疗互助按月赔付',
    [
      { header: '月份', kind: 'text', cell: (m) => monthText(m.month) },
      { header: '赔付人次', kind: 'integer', cell: (m) => m.claimsPaid },
      { header: '互助金支出', kind: 'yuan', cell: (m) => m.payoutsFen },
    ],
    report.payoutsByMonth,
  );

/** 金秋助学预算使用: the campaign's ledger, each part as a share of the budget. */
export function budgetTable(c: Campaign): FigureTable {
  const rows = [
    { label: '预算', fen: c.budgetFen },
    { label: '已发放', fen: c.disbursedFen },
    { label: '已批准待发放', fen: c.reservedFen },
    { label: '剩余', fen: c.remainingFen },
  ];
  return tableOf(
    `${c.name}预算使用`,
    [
      { header: '项目', kind: 'text', cell: (r) => r.label },
      { header: '金额', kind: 'yuan', cell: (r) => r.fen },
      { header: '占预算', kind: 'percent', cell: (r) => bpOf(r.fen, c.budgetFen) },
    ],
    rows,
  );
}

/** 在档困难职工（按困难类型）: the open cases of the scope by tier, with each tier's share. */
export function tierTable(stats: HardshipStats): FigureTable {
  const { total, byTier } = stats.openCases;
  const rows = [
    ...TIERS.map((t) => ({ label: labelOf(TIER_LABELS, t), n: byTier[t] })),
    { label: '合计', n: total },
  ];
  return tableOf(
    '在档困难职工（按困难类型）',
    [
      { header: '困难类型', kind: 'text', cell: (r) => r.label },
      { header: '在档户数', kind: 'integer', cell: (r) => r.n },
      { header: '占比', kind: 'percent', cell: (r) => bpOf(r.n, total) },
    ],
    rows,
  );
}

/** 在档困难职工（按单位）: each child node's open cases by tier. */
export function unitTable(stats: HardshipStats): FigureTable {
  return tableOf(
    '在档困难职工（按单位）',
    [
      { header: '单位', kind: 'text', cell: (c) => c.name },
      ...TIERS.map((t) => ({
        header: labelOf(TIER_LABELS, t),
        kind: 'integer' as const,
        cell: (c: NonNullable<HardshipStats['byChild']>[number]) => c.openCases.byTier[t],
      })),
      { header: '合计', kind: 'integer', cell: (c) => c.openCases.total },
    ],
    stats.byChild ?? [],
  );
}

/** 帮扶救助（按类别）: the year's disbursed assistance by category, 人次 and amount. */
export function categoryTable(stats: HardshipStats): FigureTable {
  const rows = [
    ...CATEGORIES.map((k) => ({ label: labelOf(ASSISTANCE_CATEGORY_LABELS, k), ...stats.byCategory[k] })),
    { label: '合计', count: stats.peopleAssisted, amountFen: stats.totalFen },
  ];
  return tableOf(
    `${stats.year}年帮扶救助（按类别）`,
    [
      { header: '类别', kind: 'text', cell: (r) => r.label },
      { header: '人次', kind: 'integer', cell: (r) => r.count },
      { header: '金额', kind: 'yuan', cell: (r) => r.amountFen },
      { header: '占金额', kind: 'percent', cell: (r) => bpOf(r.amountFen, stats.totalFen) },
    ],
    rows,
  );
}
