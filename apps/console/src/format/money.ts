/**
 * Amounts: the API speaks integer fen, caseworkers read yuan with two decimals. Both directions
 * work on the digits as text, never through a float (0.1 + 0.2 is not 0.3 in binary).
 */

/** `135000` → `1,350.00`; `-5` → `-0.05`. Throws for anything but a safe integer. */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`An amount in fen is a whole number; got ${fen}.`);
  const digits = String(Math.abs(fen)).padStart(3, '0');
  const yuan = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fen < 0 ? '-' : ''}${yuan}.${digits.slice(-2)}`;
}

/** `135000` → `1,350.00 元`. */
export const formatYuan = (fen: number): string => `${formatFen(fen)} 元`;

/**
 * What a caseworker typed in yuan (`1350`, `1,350.5`, `1350.05`) as fen, or undefined when it is
 * not an amount (negative, more than two decimals, letters, too large to be exact).
 */
export function parseYuan(text: string): number | undefined {
  const cleaned = text.trim().replace(/[,，\s]/g, '');
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(cleaned);
  if (!match) return undefined;
  const fen = Number(match[1] + (match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : undefined;
}
