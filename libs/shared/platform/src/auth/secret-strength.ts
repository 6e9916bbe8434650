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

/**
 * Refuses weak secrets at boot when dev login is off: shorter than {@link MIN_SECRET_LENGTH},
 * a known dev default, a placeholder ("change me", "example"), or one repeated character.
 * The message names the variable but never the value.
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
  return undefined;
}
