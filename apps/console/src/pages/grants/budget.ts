import { formatYuan } from '../../format/money';

/** A campaign's budget figures as the API gives them, in integer fen. */
export interface BudgetFigures {
  readonly budgetFen: number;
  readonly reservedFen: number;
  readonly disbursedFen: number;
  readonly remainingFen: number;
}

/**
 * `partFen` as a share of `budgetFen` in permille (tenths of a percent), rounded down, in integer
 * arithmetic only (BigInt, so no product can lose a digit): 7,000 of 9,000 yuan is 777 (77.7%).
 * 0 when the budget is 0 or the part is not above 0.
 */
export function permilleOf(partFen: number, budgetFen: number): number {
  if (!Number.isSafeInteger(partFen) || !Number.isSafeInteger(budgetFen)) {
    throw new RangeError(`Amounts in fen are whole numbers; got ${partFen} of ${budgetFen}.`);
  }
  if (budgetFen <= 0 || partFen <= 0) return 0;
  return Number((BigInt(partFen) * 1000n) / BigInt(budgetFen));
}

/** 777 → `77.7%`, 1000 → `100.0%`, 5 → `0.5%` (digits only, no division). */
export function formatPermille(permille: number): string {
  if (!Number.isSafeInteger(permille) || permille < 0) {
    throw new RangeError(`A share in permille is a whole number, 0 or more; got ${permille}.`);
  }
  const digits = String(permille).padStart(2, '0');
  return `${digits.slice(0, -1)}.${digits.slice(-1)}%`;
}

/** One segment of the budget bar (and its line in the legend). */
export interface BudgetSegment {
  readonly key: 'disbursed' | 'reserved' | 'remaining';
  readonly label: string;
  readonly fen: number;
  /** Share of the budget, rounded down; the bar's segments grow by it (flex-grow, no division). */
  readonly permille: number;
  /** `已发放 5,000.00 元（55.5%）` */
  readonly text: string;
}

/** The budget bar: disbursed, reserved, remaining, each with its yuan and its share of the budget. */
export function budgetSegments(c: BudgetFigures): BudgetSegment[] {
  const parts: [BudgetSegment['key'], string, number][] = [
    ['disbursed', '已发放', c.disbursedFen],
    ['reserved', '已预留', c.reservedFen],
    ['remaining', '剩余', c.remainingFen],
  ];
  return parts.map(([key, label, fen]) => {
    const permille = permilleOf(fen, c.budgetFen);
    return { key, label, fen, permille, text: `${label} ${formatYuan(fen)}（${formatPermille(permille)}）` };
  });
}

/** What a screen reader reads for the bar: the budget and each segment. */
export function budgetSummary(c: BudgetFigures): string {
  return [`预算 ${formatYuan(c.budgetFen)}`, ...budgetSegments(c).map((s) => s.text)].join('，');
}
