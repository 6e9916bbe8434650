/**
 * ECharts options for 统计报表, built by pure functions (tested without a browser). Amounts are
 * plotted in integer fen and every label and tooltip is written from those integers by
 * formatFen, so no float ever becomes a yuan figure on screen; the value axes tick in whole yuan.
 */
import type { BarSeriesOption, GaugeSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { formatBp } from '../../export/figure-table';
import { ASSISTANCE_CATEGORY_LABELS, labelOf, TIER_LABELS } from '../../format/labels';
import { formatFen, formatYuan } from '../../format/money';
import {
  CATEGORIES,
  monthText,
  TIERS,
  type Campaign,
  type FundReport,
  type HardshipStats,
} from './report-tables';

export type ChartOption = ComposeOption<
  | GaugeSeriesOption
  | BarSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
>;

/** Red: the fund paid out more than it collected (the theme's red, with 超支 written beside it). */
export const OVER_RED = '#c8102e';
export const WITHIN_BLUE = '#0958d9';
const PALETTE = ['#0958d9', '#c8102e', '#d48806', '#389e0d', '#531dab'];
const BP_FULL = 10_000;

/** A yuan axis label from a tick in fen (ticks are whole yuan: `minInterval` 100 fen). */
export const yuanTick = (fen: number): string => (Number.isSafeInteger(fen) ? formatFen(fen) : '');
/** A tooltip amount from a data point in fen. */
export const yuanTip = (fen: unknown): string =>
  typeof fen === 'number' && Number.isSafeInteger(fen) ? formatYuan(fen) : '—';

export interface Gauge {
  readonly option: ChartOption;
  /** The colour the gauge is drawn in: red above 100%. */
  readonly colour: string;
  readonly over: boolean;
  /** What the gauge says, in words (its accessible name). */
  readonly text: string;
}

/**
 * 基金使用率: the usage rate the API computed (integer basis points), red above 100% (above
 * 10000 bp, DOMAIN.md's deficit), with 超支 written out so colour is not the only sign. The dial
 * reads in basis points up to 150%, or further when the rate is higher.
 */
export function gaugeOption(usageRateBp: number | null): Gauge {
  const over = usageRateBp !== null && usageRateBp > BP_FULL;
  const colour = over ? OVER_RED : WITHIN_BLUE;
  const max = Math.max(15_000, Math.ceil((usageRateBp ?? 0) / 5_000) * 5_000);
  const text =
    usageRateBp === null ? '暂无缴费，无法计算使用率' : `${formatBp(usageRateBp)}${over ? '（超支）' : ''}`;
  return {
    colour,
    over,
    text,
    option: {
      series: [
        {
          type: 'gauge',
          center: ['50%', '46%'],
          radius: '78%',
          min: 0,
          max,
          splitNumber: max / 2_500,
          progress: { show: true, width: 14, itemStyle: { color: colour } },
          pointer: { itemStyle: { color: colour } },
          axisLine: {
            lineStyle: {
              width: 14,
              color: [
                [BP_FULL / max, '#d9d9d9'],
                [1, '#ffccc7'],
              ],
            },
          },
          axisLabel: { formatter: (bp: number) => `${Math.round(bp / 100)}%`, color: '#595959' },
          detail: { formatter: () => text, color: colour, fontSize: 18, offsetCenter: [0, '112%'] },
          title: { show: false },
          data: [{ value: usageRateBp ?? 0, name: '使用率' }],
        },
      ],
    },
  };
}

interface BarSeries {
  readonly name: string;
  readonly data: readonly number[];
}

/** A bar chart of amounts in fen (`money`) or counts over `categories`, stacked if asked. */
export function barOption(
  categories: readonly string[],
  series: readonly BarSeries[],
  { money, stack = false, horizontal = false }: { money: boolean; stack?: boolean; horizontal?: boolean },
): ChartOption {
  const valueAxis = {
    type: 'value' as const,
    minInterval: money ? 100 : 1,
    axisLabel: { formatter: money ? yuanTick : (n: number) => String(n) },
  };
  const categoryAxis = { type: 'category' as const, data: [...categories] };
  return {
    color: PALETTE,
    grid: { left: horizontal ? 120 : 96, right: 24, top: series.length > 1 ? 40 : 16, bottom: 32 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: money ? yuanTip : (n: unknown) => (typeof n === 'number' ? `${n}` : '—'),
    },
    ...(series.length > 1 ? { legend: { top: 0 } } : {}),
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: series.map((s) => ({
      type: 'bar' as const,
      name: s.name,
      data: [...s.data],
      ...(stack ? { stack: 'total' } : {}),
      barMaxWidth: 48,
    })),
  };
}

/** 医疗互助按月赔付: the month's payouts (fen). */
export const payoutsOption = (report: FundReport): ChartOption =>
  barOption(
    report.payoutsByMonth.map((m) => monthText(m.month)),
    [{ name: '互助金支出', data: report.payoutsByMonth.map((m) => m.payoutsFen) }],
    { money: true },
  );

/** 金秋助学预算使用: disbursed, approved-not-disbursed and remaining, stacked to the budget. */
export const budgetOption = (c: Campaign): ChartOption =>
  barOption(
    [c.name],
    [
      { name: '已发放', data: [c.disbursedFen] },
      { name: '已批准待发放', data: [c.reservedFen] },
      { name: '剩余', data: [c.remainingFen] },
    ],
    { money: true, stack: true, horizontal: true },
  );

/** 在档困难职工（按困难类型）: a pie of the open cases by tier. */
export function tierOption(stats: HardshipStats): ChartOption {
  return {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}：{c} 户（{d}%）' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        label: { formatter: '{b}\n{c} 户' },
        data: TIERS.map((t) => ({ name: labelOf(TIER_LABELS, t), value: stats.openCases.byTier[t] })),
      },
    ],
  };
}

/** 在档困难职工（按单位）: each child node's open cases, stacked by tier. */
export const unitOption = (stats: HardshipStats): ChartOption => {
  const children = stats.byChild ?? [];
  return barOption(
    children.map((c) => c.name),
    TIERS.map((t) => ({ name: labelOf(TIER_LABELS, t), data: children.map((c) => c.openCases.byTier[t]) })),
    { money: false, stack: true, horizontal: true },
  );
};

/** 帮扶救助（按类别）: the year's amounts by category (fen). */
export const categoryOption = (stats: HardshipStats): ChartOption =>
  barOption(
    CATEGORIES.map((k) => labelOf(ASSISTANCE_CATEGORY_LABELS, k)),
    [{ name: '金额', data: CATEGORIES.map((k) => stats.byCategory[k].amountFen) }],
    { money: true },
  );
