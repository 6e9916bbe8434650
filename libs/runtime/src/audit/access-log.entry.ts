import { maskIdNumbersInUrl, personRef, validateIdNumber } from '@union/kernel';
import type { Principal } from '@union/platform';
import type { AccessLogEntry, RecordedQuery } from './access-log';

/** What the access log needs of a request (Express's, as Nest hands it over). */
export interface ReadRequest {
  readonly method?: string;
  readonly originalUrl?: string;
  readonly url?: string;
  readonly params?: Readonly<Record<string, string>>;
}

/**
 * The access-log row of a read: the path and the query masked (after decoding, however the
 * client encoded them), and the subject read: the person's ref when the route or the query names
 * an identity number (never the number), else the route's first parameter (a record or stream id).
 */
export function accessEntryOf(
  req: ReadRequest,
  principal: Principal,
  personRefSecret: string,
  correlationId: string | null,
  purpose: string | null = null,
): Omit<AccessLogEntry, 'at'> {
  const url = req.originalUrl ?? req.url ?? '/';
  const q = url.indexOf('?');
  const rawQuery = q < 0 ? '' : url.slice(q + 1);
  const params = Object.values(req.params ?? {});
  const asked = [...new URLSearchParams(rawQuery).values()];
  const person = [...params, ...asked].map((v) => validateIdNumber(v)).find((v) => v.ok);
  return {
    actor: principal.sub,
    roles: [...principal.roles],
    units: [...principal.units],
    method: req.method ?? 'GET',
    path: maskIdNumbersInUrl(q < 0 ? url : url.slice(0, q)),
    query: recordedQuery(rawQuery),
    subject: person?.ok ? personRef(personRefSecret, person.value) : (params[0] ?? null),
    correlationId,
    purpose,
  };
}

/** The query string as parameters (repeated ones as a list), keys and values masked; null when empty. */
function recordedQuery(raw: string): RecordedQuery | null {
  if (raw === '') return null;
  // No prototype: a parameter named `__proto__` is a key like any other.
  const query = Object.create(null) as Record<string, string | string[]>;
  for (const [rawKey, rawValue] of new URLSearchParams(raw)) {
    const key = maskIdNumbersInUrl(rawKey);
    const value = maskIdNumbersInUrl(rawValue);
    const seen = query[key];
    query[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return query;
}
