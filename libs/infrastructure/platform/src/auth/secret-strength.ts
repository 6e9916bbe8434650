/** Minimum length of a production secret: 32 characters, about 190 bits if random. */
export const MIN_SECRET_LENGTH = 32;

/**
 * Secrets that appear in documentation, `.env.example` and dev defaults. Anything here is public,
 * so it must never protect real data. Apps add their own dev defaults via `knownDefaults`.
 */
export const KNOWN_DEV_SECRETS: readonly string[] = [
  'secret',
  'changeme',
  'change-me',
  'dev-secret',
  'development',
  'union-assistance-dev-secret',
  'union-assistance-dev-jwt-secret-not-for-production',
  'union-assistance-dev-person-ref-secret-not-for-production',
];

/** Least entropy a secret must show by {@link estimatedBits}. */
export const MIN_SECRET_BITS = 128;

// Keyboard rows: a step along one of them is as predictable as a step in the alphabet.
const KEYBOARD_ROWS = ['`1234567890-=', 'qwertyuiop[]', "asdfghjkl;'", 'zxcvbnm,./'];

/**
 * Refuses weak secrets at boot outside the embedded default: empty, a known development default
 * (`knownDefaults` adds the app's own), a placeholder ("change me", "example"), shorter than
 * {@link MIN_SECRET_LENGTH}, one short unit repeated (`abcdabcd…`), mostly a run of neighbours in
 * the alphabet, digits or a keyboard row (`1234567890…`, `qwerty…`), or under
 * {@link MIN_SECRET_BITS} by a character-frequency estimate. The message names the variable but
 * never the value.
 * @throws Error saying which variable and why.
 */
export function assertStrongSecret(
  name: string,
  value: string | undefined,
  knownDefaults: readonly string[] = [],
): void {
  const problem = weakness(value ?? '', knownDefaults);
  if (problem !== undefined) {
    throw new Error(`${name} is not a safe secret: ${problem}. Generate one with: openssl rand -base64 48`);
  }
}

function weakness(value: string, knownDefaults: readonly string[]): string | undefined {
  const lower = value.toLowerCase();
  if (value.length === 0) return 'it is empty';
  if ([...KNOWN_DEV_SECRETS, ...knownDefaults].some((known) => known.toLowerCase() === lower)) {
    return 'it is a published development default';
  }
  if (/change[-_ ]?me|example|placeholder|not[-_ ]?for[-_ ]?production/.test(lower))
    return 'it is a placeholder';
  if (value.length < MIN_SECRET_LENGTH) return `it has fewer than ${MIN_SECRET_LENGTH} characters`;
  if (new Set(value).size < 4) return 'it repeats too few distinct characters';
  if (repeatedUnit(value)) return 'it repeats a shorter sequence';
  if (runShare(lower) > 0.5)
    return 'it is mostly a run of neighbouring characters (such as 1234… or qwerty…)';
  const bits = estimatedBits(value);
  if (bits < MIN_SECRET_BITS)
    return `it is too predictable (about ${Math.floor(bits)} bits, at least ${MIN_SECRET_BITS} needed)`;
  return undefined;
}

/** Whether the value is a shorter unit repeated (the last copy may be cut short). */
function repeatedUnit(value: string): boolean {
  for (let period = 1; period <= value.length / 2; period++) {
    let repeats = true;
    for (let i = period; i < value.length && repeats; i++) repeats = value[i] === value[i - period];
    if (repeats) return true;
  }
  return false;
}

/** Share of characters that follow their predecessor by one: in code points or along a keyboard row. */
function runShare(lower: string): number {
  let steps = 0;
  for (let i = 1; i < lower.length; i++) {
    const a = lower[i - 1];
    const b = lower[i];
    const alphabetic = Math.abs(b.charCodeAt(0) - a.charCodeAt(0)) === 1;
    const keyboard = KEYBOARD_ROWS.some((row) => {
      const at = row.indexOf(a);
      return at >= 0 && (row[at + 1] === b || row[at - 1] === b);
    });
    if (alphabetic || keyboard) steps++;
  }
  return steps / (lower.length - 1);
}

/**
 * A crude estimate of the value's entropy: its length times the Shannon entropy of its own
 * character frequencies, with the Miller–Madow correction (a short sample shows fewer distinct
 * characters than its source has). It over-rates text (words pass it), which the checks above
 * catch in part; 32 random base64 characters give at least 140 bits by it, `openssl rand
 * -base64 48` about 350, 32 random hex characters 100 to 137 (use longer ones).
 */
export function estimatedBits(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  const n = [...value].length;
  let perChar = (counts.size - 1) / (2 * n * Math.LN2);
  for (const count of counts.values()) perChar -= (count / n) * Math.log2(count / n);
  return perChar * n;
}
