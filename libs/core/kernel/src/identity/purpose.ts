import { fieldError } from '../errors/domain-error';

/** A stated purpose's length in characters (API.md, "Personal information"). */
export const PURPOSE_MIN_LENGTH = 4;
export const PURPOSE_MAX_LENGTH = 200;

// Control characters (a line break would split a log line or a report's cell): C0, DEL, C1, and
// the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;

/**
 * The `purpose` of a sensitive read (DOMAIN.md §5, "Purpose on sensitive reads"): the query's
 * value, trimmed, of 4 to 200 characters (code points), with no control character; null when the
 * query has none (the read then reveals nothing). Anything else, a repeated `purpose` included,
 * is a `VALIDATION_FAILED` on `purpose`.
 */
export function parsePurpose(raw: unknown): string | null {
  if (raw === undefined) return null;
  if (typeof raw !== 'string') {
    throw fieldError('purpose', 'purpose must be given once, as text.');
  }
  const purpose = raw.trim();
  const length = Array.from(purpose).length;
  if (length < PURPOSE_MIN_LENGTH || length > PURPOSE_MAX_LENGTH) {
    throw fieldError(
      'purpose',
      `purpose must be ${PURPOSE_MIN_LENGTH} to ${PURPOSE_MAX_LENGTH} characters: why the full identity number or the diagnosis is needed.`,
    );
  }
  if (CONTROL.test(purpose)) throw fieldError('purpose', 'purpose must not contain control characters or line breaks.');
  return purpose;
}
