/**
 * Metadata travels in Kafka headers, the payload in the value (DOMAIN.md). One place for the
 * header names so producers and consumers cannot drift apart.
 */
export const HEADERS = {
  eventId: 'event-id',
  eventType: 'event-type',
  eventVersion: 'event-version',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
  source: 'source',
  occurredAt: 'occurred-at',
  /** Only on dead-lettered messages: why the consumer gave up. */
  error: 'error',
  /** Only on dead-lettered messages: the consumer that gave up. */
  failedConsumer: 'failed-consumer',
} as const;

export interface IntegrationHeaders {
  eventId: string;
  eventType: string;
  eventVersion: number;
  correlationId: string;
  causationId: string;
  source: string;
  occurredAt: string;
}
