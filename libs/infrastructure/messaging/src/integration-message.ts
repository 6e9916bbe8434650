import { HEADERS } from '@union/contracts';
import type { StoredEvent } from '@union/event-store';
import type { OutgoingMessage } from './messaging.port';

/** What an integration event is, beyond the stored event it is mapped from. */
export interface IntegrationMessageSpec<T extends object> {
  topic: string;
  /** The integration event type, e.g. `HardshipCaseOpened`. */
  type: string;
  version: number;
  /** The payload (only what other services need); its personRef is the partition key by default. */
  data: T;
  /**
   * The partition key when it is not the payload's personRef: `organisation.units.v1` keys every
   * message by `ORG_TREE_KEY`, so the whole tree's history is in one partition, in order.
   */
  key?: string;
  /** The publishing service, e.g. `hardship-cases`. */
  source: string;
}

/**
 * Builds the Kafka message for an integration event mapped from a stored event (DOMAIN.md,
 * "Events that cross service borders"): keyed by personRef so one person's events stay in
 * order (or by the spec's own `key`), JSON value, metadata in headers. The event id is the stored event's, so a re-sent
 * batch is recognised by every consumer's inbox.
 */
export function integrationMessage<T extends object>(
  event: StoredEvent,
  { topic, type, version, data, source, key }: IntegrationMessageSpec<T>,
): OutgoingMessage {
  const partitionKey: unknown = key ?? (data as { personRef?: unknown }).personRef;
  if (typeof partitionKey !== 'string' || partitionKey === '') {
    throw new Error(
      `Integration event ${type} mapped from ${event.type} (${event.eventId}) has no ${key === undefined ? 'personRef' : 'key'} to key it by.`,
    );
  }
  const { correlationId, causationId } = event.metadata;
  return {
    topic,
    key: partitionKey,
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
