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
  /** Only on dead-lettered messages: why the consumer gave up (every problem, for a contract). */
  error: 'error',
  /** Only on dead-lettered messages: the consumer that gave up. */
  failedConsumer: 'failed-consumer',
  /** Only on dead-lettered messages: {@link DeadLetterKind}. */
  failureKind: 'failure-kind',
  /** Only on dead-lettered messages: how often the effect was tried (0: never, the message was bad). */
  attempts: 'attempts',
  /** Only on dead-lettered messages: when the consumer gave up (ISO 8601, UTC). */
  failedAt: 'failed-at',
  /** Only on dead-lettered messages: where the message was read from, to find or replay it. */
  originalTopic: 'original-topic',
  originalPartition: 'original-partition',
  originalOffset: 'original-offset',
  /** Only on dead-lettered messages: the original record's timestamp (epoch ms, as Kafka gives it). */
  originalTimestamp: 'original-timestamp',
} as const;

/**
 * Why a message was dead-lettered: `contract`, it breaks its contract (or has no event id) and
 * never will be valid, so it was parked at once; `effect`, applying it kept failing.
 */
export type DeadLetterKind = 'contract' | 'effect';

export interface IntegrationHeaders {
  eventId: string;
  eventType: string;
  eventVersion: number;
  correlationId: string;
  causationId: string;
  source: string;
  occurredAt: string;
}
