/**
 * Masks an identity number for display (DOMAIN.md): the first 6 characters (the region) and the
 * last 4, with 8 `*` between: `110105********002X`. Takes any string because read models store
 * plain text; anything not 18 characters long is masked entirely rather than risk leaking it.
 */
export function maskIdNumber(id: string): string {
  if (id.length !== 18) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}********${id.slice(14)}`;
}

/** Replaces every identity-number-shaped run in free text (a URL path, a log line) by its mask. */
export function maskIdNumbersIn(text: string): string {
  return text.replace(/(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])/g, maskIdNumber);
}
