/** Plain-text tables for a terminal: columns padded to the widest cell (CJK counts double). */
export function table(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cells = [headers, ...rows.map((r) => r.map(cell))];
  const widths = headers.map((_, c) => Math.max(...cells.map((r) => width(r[c] ?? ''))));
  const line = (r: readonly string[]) =>
    r
      .map((v, c) => v + ' '.repeat(widths[c] - width(v)))
      .join('  ')
      .trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)]
    .map((l) => `${l}\n`)
    .join('');
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  // Numbers, booleans and objects read the same as JSON; strings stay as they are.
  return typeof value === 'string' ? value : JSON.stringify(value);
}

// East Asian wide characters take two columns in a terminal.
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

function width(text: string): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

/** The first characters of a hash, enough to compare by eye. */
export const short = (hash: unknown): string => (typeof hash === 'string' ? hash.slice(0, 12) : '');
