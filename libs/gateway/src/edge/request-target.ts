import { ProblemException } from '@union/platform';

/** A request target the gateway serves: its path and its query, each exactly as the client sent them. */
export interface RequestTarget {
  /** The raw path (never decoded or normalised): what the route table matches and what is forwarded. */
  readonly path: string;
  /** The raw query without its `?`; empty when there is none. */
  readonly query: string;
}

// RFC 3986 `pchar` and `/` without `;` (a matrix parameter to servers that read them); `%` is
// checked as an escape below. Everything else (`\`, `#`, `|`, `"`, `{`, `}`, `[`, `]`, `^`, `` ` ``,
// `<`, `>`) is refused: no route of the API has it, and parsers disagree about it.
const PATH_CHARS = /^[A-Za-z0-9\-._~!$&'()*+,=:@%/]*$/;
// RFC 3986 `query`: `pchar`, `/` and `?` (here `;` is plain data).
const QUERY_CHARS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*$/;
const BAD_ESCAPE = /%(?![0-9A-Fa-f]{2})/;
// Escapes of control characters (NUL included), anywhere in the target.
const CONTROL_ESCAPE = /%(?:[01][0-9A-Fa-f]|7[Ff])/;
// What a path segment may not decode to: a delimiter or an escape a later hop could act on.
const DECODED_DELIMITER = /[/\\?#;%]/;

/**
 * The gateway's path rule: the path it authorises is byte for byte the path it forwards, so a
 * request target that some hop could read as another path is refused with 400 before any routing
 * (apps/gateway/README.md, "Paths"). Refused: anything but origin-form (absolute URLs, `*`); a
 * fragment; `\` and `;` and other characters outside RFC 3986; a malformed `%` escape or one of a
 * control character; empty segments (`//`); segments that are, or decode to, `.` or `..`; segments
 * that decode to `/`, `\`, `?`, `#`, `;` or `%` (`%2F`, `%5C`, `%252e`, …, in either case), or to
 * malformed UTF-8. A trailing slash is kept (every hop treats `/x/` as `/x`). Anything else, a
 * percent-encoded path parameter included (`%20`), is returned unchanged.
 */
export function parseRequestTarget(target: string): RequestTarget {
  if (!target.startsWith('/')) {
    throw refused('The request target must be a path starting with / (not an absolute URL or *).');
  }
  if (target.includes('#')) throw refused('A request target has no fragment (#).');
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  const query = q < 0 ? '' : target.slice(q + 1);
  checkPath(path);
  if (!QUERY_CHARS.test(query))
    throw refused('The query has a character that must be percent-encoded.', 'query');
  if (BAD_ESCAPE.test(query))
    throw refused('The query has a % that is not followed by two hex digits.', 'query');
  if (CONTROL_ESCAPE.test(query))
    throw refused('The query encodes a control character (such as %00).', 'query');
  return { path, query };
}

/** Whether the gateway would serve `target` as it is (see {@link parseRequestTarget}). */
export function isCanonicalTarget(target: string): boolean {
  try {
    parseRequestTarget(target);
    return true;
  } catch {
    return false;
  }
}

function checkPath(path: string): void {
  if (path.includes('\\')) throw refused('The path has a backslash (\\).');
  if (path.includes(';')) throw refused('The path has a semicolon (;).');
  if (!PATH_CHARS.test(path)) throw refused('The path has a character that must be percent-encoded.');
  if (BAD_ESCAPE.test(path)) throw refused('The path has a % that is not followed by two hex digits.');
  if (CONTROL_ESCAPE.test(path)) throw refused('The path encodes a control character (such as %00).');
  const segments = path.split('/');
  // segments[0] is the empty string before the leading slash; the last may be empty (trailing slash).
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i];
    if (segment === '') {
      if (i === segments.length - 1) break;
      throw refused('The path has an empty segment (//).');
    }
    if (!segment.includes('%')) {
      if (segment === '.' || segment === '..') throw refused('The path has a dot segment (. or ..).');
      continue;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      throw refused('The path has a percent-encoding that is not UTF-8.');
    }
    if (decoded === '.' || decoded === '..') throw refused('The path has an encoded dot segment (%2e).');
    if (DECODED_DELIMITER.test(decoded)) {
      throw refused('The path encodes a delimiter (such as %2F, %5C, %3F, %23, %3B or %25).');
    }
  }
}

function refused(detail: string, field: 'path' | 'query' = 'path'): ProblemException {
  return new ProblemException('VALIDATION_FAILED', detail, { errors: [{ field, message: detail }] });
}
