import type { Logger } from '@nestjs/common';
import type { ReceivedMessage } from '@union/messaging';

/** One log line for an event no handler here reads; nothing else happens (no inbox row either). */
export function skipUnknown(logger: Logger, message: ReceivedMessage): void {
  const { eventType, eventVersion, eventId } = message.headers;
  logger.warn(
    `Skipping ${eventType || '(no event-type)'} v${eventVersion} (${eventId || 'no event-id'}) on ${message.topic}: not an event this service reads.`,
  );
}
