/**
 * Ratios: the API speaks integer basis points (`ratioBp`, 10000 = 100%), an admin types percent
 * with up to two decimals. Both directions work on the digits as text, never through a float.
 */

/** `5000` → `50%`, `6250` → `62.5%`, `1` → `0.01%`. Throws for anything but a whole number from 0. */
export function formatBp(bp: number): string {
  if (!Number.isSafeInteger(bp) || bp < 0)
    throw new RangeError(`A ratio in basis points is a whole number; got ${bp}.`);
  const digits = String(bp).padStart(3, '0');
  const decimals = digits.slice(-2).replace(/0+$/, '');
  return `${digits.slice(0, -2)}${decimals ? `.${decimals}` : ''}%`;
}

/**
 * What an admin typed as percent (`50`, `62.5`, `62.50%`) as basis points, or undefined when it
 * is not a percentage from 0 to 100 with at most two decimals.
 */
export function parsePercentBp(typed: string): number | undefined {
  const match = /^(\d{1,3})(?:\.(\d{0,2}))?%?$/.exec(typed.trim().replace(/\s/g, ''));
  if (!match) return undefined;
  const bp = Number(match[1] + (match[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : undefined;
}
