import type { ReceivedMessage } from './received-message';

/** The chain-of-causes metadata of events a consumed message makes a service append. */
export interface CausedBy {
  /** The message's correlation id (its own event id when it started a chain). */
  correlationId: string;
  /** The consumed event: the direct cause. */
  causationId: string;
}

/**
 * How an auditor follows one story across services (`GET /api/v1/audit/trace/{correlationId}`):
 * every event appended because of a consumed message keeps the message's correlation id, and its
 * cause is the consumed event.
 */
export function causedBy(message: ReceivedMessage): CausedBy {
  const { eventId, correlationId } = message.headers;
  return { correlationId: correlationId || eventId, causationId: eventId };
}
