import { HEADERS } from '@union/contracts';
import type { StoredEvent } from '@union/event-store';
import type { OutgoingMessage } from './messaging.port';

/** What an integration event is, beyond the stored event it is mapped from. */
export interface IntegrationMessageSpec<T extends { personRef: string }> {
  topic: string;
  /** The integration event type, e.g. `HardshipCaseOpened`. */
  type: string;
  version: number;
  /** The payload (only what other services need); its personRef is the partition key. */
  data: T;
  /** The publishing service, e.g. `hardship-cases`. */
  source: string;
}

/**
 * Builds the Kafka message for an integration event mapped from a stored event (DOMAIN.md,
 * "Events that cross service borders"): keyed by personRef so one person's events stay in
 * order, JSON value, metadata in headers. The event id is the stored event's, so a re-sent
 * batch is recognised by every consumer's inbox.
 */
export function integrationMessage<T extends { personRef: string }>(
  event: StoredEvent,
  { topic, type, version, data, source }: IntegrationMessageSpec<T>,
): OutgoingMessage {
  const personRef: unknown = (data as { personRef?: unknown }).personRef;
  if (typeof personRef !== 'string' || personRef === '') {
    throw new Error(
      `Integration event ${type} mapped from ${event.type} (${event.eventId}) has no personRef to key it by.`,
    );
  }
  const { correlationId, causationId } = event.metadata;
  return {
    topic,
    key: personRef,
    value: data,
    headers: {
      [HEADERS.eventId]: event.eventId,
      [HEADERS.eventType]: type,
      [HEADERS.eventVersion]: String(version),
      // An event without them started its own chain of causes.
      [HEADERS.correlationId]: nonEmpty(correlationId) ?? event.eventId,
      [HEADERS.causationId]: nonEmpty(causationId) ?? event.eventId,
      [HEADERS.source]: source,
      [HEADERS.occurredAt]: event.recordedAt.toISOString(),
    },
  };
}

const nonEmpty = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
