import { DomainError, chinaToday } from '@union/kernel';
import { currentClientCorrelationId, currentCorrelationId, type Principal } from '@union/platform';
import type { EventMetadata } from '@union/event-store';

/** What a command brings from the request: who, when, and which chain of causes it belongs to. */
export interface RequestFacts {
  actor: string;
  /** ISO-8601 UTC instant of the request. */
  now: string;
  /** The business date in China. */
  today: string;
  metadata: EventMetadata;
}

/** The facts of the current request, from the verified principal and the request context. */
export function requestFacts(
  principal: Principal,
  extra: EventMetadata = {},
  at: Date = new Date(),
): RequestFacts {
  // The client's own reference rides along for its support calls; it is never the correlation.
  const clientCorrelationId = currentClientCorrelationId();
  return {
    actor: principal.sub,
    now: at.toISOString(),
    today: chinaToday(at),
    metadata: {
      actor: principal.sub,
      correlationId: currentCorrelationId(),
      ...(clientCorrelationId === undefined ? {} : { clientCorrelationId }),
      ...extra,
    },
  };
}

/**
 * `If-Match: "<version>"` (API.md, "Concurrency"): the version the client last saw, or undefined.
 * Anything else is a 400, never silently ignored.
 */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header === '' || header === '*') return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `If-Match must be a quoted version such as "3"; got ${header}.`,
      {
        errors: [{ field: 'If-Match', message: 'must be a quoted version such as "3"' }],
      },
    );
  }
  return Number(match[1]);
}

/** The ETag of a record at `version`. */
export const etagOf = (version: number): string => `"${version}"`;
