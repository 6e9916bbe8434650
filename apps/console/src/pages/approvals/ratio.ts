/**
 * Ratios in basis points (10000 = 100%) as people read them, and back, on the digits as text:
 * never through a float (1.1 * 10000 is 11000.000000000002 in binary).
 */

/** `15000` → `1.5`, `10000` → `1`, `12345` → `1.2345` (a multiplier of the 低保 line). */
export function formatMultiplier(bp: number): string {
  if (!Number.isSafeInteger(bp) || bp < 0)
    throw new RangeError(`A ratio in basis points is a whole number; got ${bp}.`);
  const digits = String(bp).padStart(5, '0');
  const fraction = digits.slice(-4).replace(/0+$/, '');
  return fraction ? `${digits.slice(0, -4)}.${fraction}` : digits.slice(0, -4);
}

/** `15000` → `1.5 倍`. */
export const formatTimes = (bp: number): string => `${formatMultiplier(bp)} 倍`;

/** `5000` → `50%`, `3333` → `33.33%`, `10000` → `100%`. */
export function formatPercent(bp: number): string {
  if (!Number.isSafeInteger(bp) || bp < 0)
    throw new RangeError(`A ratio in basis points is a whole number; got ${bp}.`);
  const digits = String(bp).padStart(3, '0');
  const fraction = digits.slice(-2).replace(/0+$/, '');
  return `${digits.slice(0, -2)}${fraction ? `.${fraction}` : ''}%`;
}

/**
 * What an admin typed as a multiplier (`1.5`, `1.35`, `2`) in basis points, or undefined when it
 * is not one (more than four decimals, letters, negative, too large to be exact).
 */
export function parseMultiplier(text: string): number | undefined {
  const match = /^(\d+)(?:\.(\d{1,4}))?$/.exec(text.trim());
  if (!match) return undefined;
  const bp = Number(match[1] + (match[2] ?? '').padEnd(4, '0'));
  return Number.isSafeInteger(bp) ? bp : undefined;
}
