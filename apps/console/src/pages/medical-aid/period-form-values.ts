import type { Schemas } from '../../api/client';
import { parseYuan } from '../../format/money';
import { parsePercentBp } from './ratio';

export type CreatePeriodBody = Schemas['CreatePeriod'];

/** One row of a bands table as typed: the upper bound in yuan (or 无上限) and the ratio in %. */
export interface BandValues {
  readonly upto?: string;
  readonly unlimited?: boolean;
  readonly ratio?: string;
}

/** The period form (互助期次) as typed: amounts in yuan, ratios in percent, dates ISO. */
export interface PeriodFormValues {
  readonly name?: string;
  readonly coverageStart?: string;
  readonly coverageEnd?: string;
  readonly enrollmentOpensOn?: string;
  readonly enrollmentClosesOn?: string;
  readonly contribution?: string;
  readonly waitingDays?: number | null;
  readonly claimDeadlineDays?: number | null;
  readonly deductible?: string;
  readonly annualCap?: string;
  readonly inpatientBands?: readonly BandValues[];
  readonly seriousThreshold?: string;
  readonly seriousCap?: string;
  readonly seriousBands?: readonly BandValues[];
  readonly hardshipThreshold?: string;
  readonly waiveTiers?: readonly string[];
}

/** A field of the form: a name, or a band table's row and column. */
export type FormName = string | [string, number, 'upto' | 'ratio'];

export interface FormError {
  readonly name: FormName;
  readonly message: string;
}

type BandTable = 'inpatientBands' | 'seriousBands';
const TABLE_LABELS: Record<BandTable, string> = { inpatientBands: '住院', seriousBands: '大病' };

/** Each amount field of the form: its name, the API's field path and its label. */
const AMOUNTS = [
  ['contribution', 'contributionFen', '年度会费'],
  ['deductible', 'rules.inpatient.deductibleFen', '住院起付线'],
  ['annualCap', 'rules.inpatient.annualCapFen', '住院年度封顶'],
  ['seriousThreshold', 'rules.seriousIllness.thresholdFen', '大病救助起付标准'],
  ['seriousCap', 'rules.seriousIllness.capFen', '大病救助封顶'],
  ['hardshipThreshold', 'rules.hardshipRisk.thresholdFen', '因病致困预警线'],
] as const;

const OTHER_FIELDS: Record<string, [string, string]> = {
  name: ['name', '期次名称'],
  coverageStart: ['coverageStart', '保障开始日期'],
  coverageEnd: ['coverageEnd', '保障结束日期'],
  enrollmentOpensOn: ['enrollmentOpensOn', '登记开始日期'],
  enrollmentClosesOn: ['enrollmentClosesOn', '登记截止日期'],
  waitingDays: ['waitingDays', '等待期'],
  claimDeadlineDays: ['claimDeadlineDays', '申请期限'],
  'rules.waiveContributionForTiers': ['waiveTiers', '会费兜底的困难类型'],
};

function bands(
  table: BandTable,
  rows: readonly BandValues[] | undefined,
  errors: FormError[],
): { uptoFen: number | null; ratioBp: number }[] {
  return (rows ?? []).map((row, i) => {
    const label = `${TABLE_LABELS[table]}第 ${i + 1} 段`;
    const uptoFen = row.unlimited ? null : parseYuan(row.upto ?? '');
    const ratioBp = parsePercentBp(row.ratio ?? '');
    if (uptoFen === undefined)
      errors.push({ name: [table, i, 'upto'], message: `请填写${label}上限（元），或勾选无上限` });
    if (ratioBp === undefined)
      errors.push({ name: [table, i, 'ratio'], message: `${label}比例应为 0 至 100 的百分数，最多两位小数` });
    return { uptoFen: uptoFen === undefined ? 0 : uptoFen, ratioBp: ratioBp ?? 0 };
  });
}

/**
 * The `POST /periods` body of what was typed (amounts as fen, ratios as basis points, both read
 * from the text), or what cannot even be read. Whether the period is valid (bands ascending, the
 * last without limit, dates in order) is the API's to say: its field errors come back through
 * {@link formErrorsOf}.
 */
export function periodBodyOf(v: PeriodFormValues): { body: CreatePeriodBody } | { errors: FormError[] } {
  const errors: FormError[] = [];
  const amounts = {} as Record<(typeof AMOUNTS)[number][0], number>;
  for (const [name, , label] of AMOUNTS) {
    const fen = parseYuan(v[name] ?? '');
    if (fen === undefined) errors.push({ name, message: `请填写${label}（元），最多两位小数` });
    amounts[name] = fen ?? 0;
  }
  const inpatientBands = bands('inpatientBands', v.inpatientBands, errors);
  const seriousBands = bands('seriousBands', v.seriousBands, errors);
  if (errors.length > 0) return { errors };
  return {
    body: {
      name: (v.name ?? '').trim(),
      coverageStart: v.coverageStart ?? '',
      coverageEnd: v.coverageEnd ?? '',
      enrollmentOpensOn: v.enrollmentOpensOn ?? '',
      enrollmentClosesOn: v.enrollmentClosesOn ?? '',
      contributionFen: amounts.contribution,
      ...(typeof v.waitingDays === 'number' ? { waitingDays: v.waitingDays } : {}),
      ...(typeof v.claimDeadlineDays === 'number' ? { claimDeadlineDays: v.claimDeadlineDays } : {}),
      rules: {
        inpatient: {
          deductibleFen: amounts.deductible,
          bands: inpatientBands,
          annualCapFen: amounts.annualCap,
        },
        seriousIllness: {
          thresholdFen: amounts.seriousThreshold,
          bands: seriousBands,
          capFen: amounts.seriousCap,
        },
        hardshipRisk: { thresholdFen: amounts.hardshipThreshold },
        waiveContributionForTiers: [...(v.waiveTiers ?? [])] as ('deep' | 'relative' | 'emergency')[],
      },
    },
  };
}

const BAND_PATH = /^rules\.(inpatient|seriousIllness)\.bands(?:\[(\d+)\](?:\.(uptoFen|ratioBp))?)?$/;

/**
 * The API's field errors (`rules.inpatient.bands[1].ratioBp`) as the form's fields, each with a
 * Chinese message naming it (the API's messages are English and never shown). A path the form has
 * no field for is left out: the problem's sentence still says the period was refused.
 */
export function formErrorsOf(fields: readonly string[]): FormError[] {
  const seen = new Set<string>();
  return [...new Set(fields)]
    .flatMap((field): FormError[] => {
      const amount = AMOUNTS.find(([, path]) => path === field);
      if (amount) return [{ name: amount[0], message: `${amount[2]}填写有误，请核对` }];
      const band = BAND_PATH.exec(field);
      if (band) {
        const table: BandTable = band[1] === 'inpatient' ? 'inpatientBands' : 'seriousBands';
        if (band[2] === undefined) return [];
        const i = Number(band[2]);
        const column = band[3] === 'ratioBp' ? 'ratio' : 'upto';
        const what = column === 'ratio' ? '比例' : '上限';
        const hint = column === 'upto' ? '（各段上限应逐段增大，最后一段无上限）' : '';
        return [
          { name: [table, i, column], message: `${TABLE_LABELS[table]}第 ${i + 1} 段${what}有误${hint}` },
        ];
      }
      const other = OTHER_FIELDS[field.replace(/\[\d+\]$/, '')];
      return other ? [{ name: other[0], message: `${other[1]}填写有误，请核对` }] : [];
    })
    .filter((e) => {
      // Two errors of one field (a band both out of order and not the last) show once.
      const key = JSON.stringify(e.name);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
