import { validateIdNumber } from './id-number';

/**
 * Masks an identity number for display (DOMAIN.md): the first 6 characters (the region) and the
 * last 4, with 8 `*` between: `110105********002X`. Takes any string because read models store
 * plain text; anything not 18 characters long is masked entirely rather than risk leaking it.
 */
export function maskIdNumber(id: string): string {
  if (id.length !== 18) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}********${id.slice(14)}`;
}

// 17 digits then a digit or x/X, standing alone: masked even with a wrong check character (a
// mistyped number is still someone's number).
const ID_SHAPED = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])/g;
// A run that may hold a valid number among neighbouring digits or letters: checked window by window.
const LONG_RUN = /[0-9]{17}[0-9Xx]/;

/**
 * Replaces identity numbers in free text (a log line, a JSON body) by their mask: every run of
 * 17 digits and a check character standing alone, and every valid number (check character and
 * birth date) anywhere, even glued to other digits or letters. The text is taken as it is; for
 * anything that came from a URL use {@link maskIdNumbersInUrl}, which decodes it first.
 */
export function maskIdNumbersIn(text: string): string {
  const shaped = text.replace(ID_SHAPED, maskIdNumber);
  return LONG_RUN.test(shaped) ? maskValidWindows(shaped) : shaped;
}

function maskValidWindows(text: string): string {
  const starred = new Set<number>();
  for (let i = 0; i + 18 <= text.length; i++) {
    const window = text.slice(i, i + 18);
    if (/^[0-9]{17}[0-9Xx]$/.test(window) && validateIdNumber(window).ok) {
      for (let j = i + 6; j < i + 14; j++) starred.add(j);
    }
  }
  if (starred.size === 0) return text;
  // By UTF-16 code unit, as the indices above are; only ASCII digits are ever starred.
  return text
    .split('')
    .map((c, i) => (starred.has(i) ? '*' : c))
    .join('');
}

/**
 * Masks identity numbers in a URL, a path, a query string or any text that may quote one (a log
 * line, a problem's detail), after decoding what a client may have encoded: percent-encoding at
 * any depth (`%31%31…`, `%2531…` for double encoding; a malformed escape is left as it is) and
 * full-width digits and `Ｘ`. The answer is the decoded text, masked: the one function every log
 * line, access-log row and problem detail that names a request's path goes through.
 */
export function maskIdNumbersInUrl(url: string): string {
  if (!/[%\uff10-\uff19\uff38\uff58]/.test(url)) return maskIdNumbersIn(url);
  // Masked at every depth of decoding, so a number seen at one depth is starred before the next
  // decoding could fold it into its neighbours (`%` then `%31…` reads `%11…` one depth down).
  let current = url;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const masked = maskIdNumbersIn(current);
    const next = fromFullWidth(percentDecode(masked));
    if (next === masked) return masked;
    current = next;
  }
  // Encoded deeper than any client would: hide every digit rather than guess.
  return current.replace(/[0-9]/g, '*');
}

const MAX_DEPTH = 16;

/**
 * Decodes each run of `%XX` escapes as UTF-8; a run that is not valid UTF-8 is decoded escape by
 * escape where the byte is ASCII (every character of an identity number is), the rest kept.
 */
function percentDecode(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run.replace(/%([0-7][0-9A-Fa-f])/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    }
  });
}

/** Full-width digits and x/X (what a Chinese input method types) as their ASCII forms. */
function fromFullWidth(text: string): string {
  return text.replace(/[\uff10-\uff19\uff38\uff58]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
