import { HttpException } from '@nestjs/common';
import { DomainError } from '@union/kernel';
import type { IdempotencyRecord } from '@union/event-store';

/** What a replay sends: the body (the route's status is Nest's) and its headers. */
export interface Replayed {
  body: unknown;
  headers: Record<string, string>;
}

/** An error the API answers deliberately (4xx, or a problem already worded): passed on as it is. */
export const isExpectedError = (error: unknown): boolean =>
  error instanceof DomainError || error instanceof HttpException;

/**
 * The answer a key's record gives again: the stored response with its ETag, or, when the writes
 * committed but the answer was never recorded (the process died, or the database went away, in
 * between), the writes themselves: the client learns that its request was carried out, and
 * which records it changed, instead of being told nothing happened.
 */
export function replayedAnswer(record: IdempotencyRecord): Replayed {
  const headers: Record<string, string> = { 'Idempotent-Replayed': 'true' };
  if (record.response) {
    if (record.response.etag) headers.ETag = record.response.etag;
    return { body: record.response.body, headers };
  }
  headers['Idempotent-Outcome'] = 'committed';
  return {
    headers,
    body: {
      outcome: 'committed',
      detail:
        'This request was carried out, but its answer was not kept. The records it changed are ' +
        'listed with their version after it: read them for their state now.',
      writes: record.writes,
    },
  };
}
