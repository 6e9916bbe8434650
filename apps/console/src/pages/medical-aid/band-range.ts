import { formatYuan } from '../../format/money';
import { formatBp } from './ratio';

/** A band as a period holds it, or as a quote's part of it. */
export interface BandLike {
  readonly uptoFen?: number | null;
  readonly ratioBp: number;
}

/**
 * Band i's range as text: from the previous band's upper bound to its own (`0.00 元至 50,000.00 元`),
 * or `50,000.00 元以上` for the last, unlimited one.
 */
export function bandRange(bands: readonly BandLike[], i: number): string {
  const from = i === 0 ? 0 : (bands[i - 1].uptoFen ?? 0);
  const upto = bands[i].uptoFen;
  return upto === null || upto === undefined
    ? `${formatYuan(from)}以上`
    : `${formatYuan(from)}至 ${formatYuan(upto)}`;
}

/** `第 1 段：0.00 元至 50,000.00 元，按 50%`. */
export const bandLine = (bands: readonly BandLike[], i: number): string =>
  `第 ${i + 1} 段：${bandRange(bands, i)}，按 ${formatBp(bands[i].ratioBp)}`;
