import {
  ContractViolation,
  HEADERS,
  isFromNewerContract,
  parseIntegrationEvent,
  type DeadLetterKind,
  type IntegrationEvent,
  type IntegrationEventOf,
  type IntegrationEventType,
} from '@union/contracts';
import { Inbox } from '@union/event-store';
import type { DataSource, EntityManager } from 'typeorm';
import { deadLetterOf } from './dead-letter';
import { errorMessage, writeJsonLine, type JsonLog } from './json-log';
import type { RawMessagePublisher } from './messaging.port';
import type { ReceivedMessage } from './received-message';

/** Counts dead letters (the runtime passes `integration_events_dead_lettered_total`). */
export interface DeadLetterCounter {
  inc(labels: { consumer: string; topic: string; kind: DeadLetterKind }): void;
}

/** How a consumer handles an incoming integration event. */
export interface IntegrationConsumerOptions {
  dataSource: DataSource;
  /** Where a bad message, or one that keeps failing, is parked (`<topic>.dlq`), byte for byte. */
  publisher: RawMessagePublisher;
  /** The inbox's consumer name: one per projection or reaction, stable across releases. */
  consumer: string;
  /** Attempts before dead-lettering (default 5). */
  maxAttempts?: number;
  /** Wait before the first retry, doubled for each further one (default 200 ms). */
  backoffMs?: number;
  log?: JsonLog;
  deadLettered?: DeadLetterCounter;
  /** When a dead letter was written (default: now). */
  now?: () => Date;
}

/** What became of a message. */
export type ConsumeOutcome = 'applied' | 'duplicate' | 'skipped' | 'dead-lettered';

// Retries hold up the partition (and, on Kafka, the consumer's heartbeats): keep their sum
// well below the session timeout (10 s).
const MAX_BACKOFF_MS = 2_000;

/**
 * Validated, idempotent, poison-proof consumption (ARCHITECTURE.md, "Kafka"). Every message is
 * read against its contract in @union/contracts before anything touches state: one that breaks
 * it (or has no event id) will never become valid, so it goes to `<topic>.dlq` at once, with
 * every problem named. A valid event's id goes into the inbox in the same transaction as the
 * effect, so a redelivery changes nothing; a failure rolls both back and is retried; an event
 * whose effect keeps failing is dead-lettered too. Either way consumption goes on. An event of
 * a later release (a type or version the contract does not know yet) is skipped and logged.
 */
export class IntegrationConsumer {
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly log: JsonLog;

  constructor(private readonly options: IntegrationConsumerOptions) {
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 5);
    this.backoffMs = options.backoffMs ?? 200;
    this.log = options.log ?? writeJsonLine;
  }

  /**
   * Applies `effect` once per event id to an event of one of the types this consumer `reads`,
   * parsed and typed. Rejects only when even dead-lettering failed; the transport then
   * delivers the message again, so nothing is lost.
   */
  async consume<T extends IntegrationEventType>(
    message: ReceivedMessage,
    reads: readonly T[],
    effect: (tx: EntityManager, event: IntegrationEventOf<T>) => Promise<void>,
  ): Promise<ConsumeOutcome> {
    const { eventId, eventType, eventVersion } = message.headers;
    if (!eventId) {
      // Without an id the inbox cannot deduplicate, and no retry will add one.
      return this.deadLetter(message, 'contract', `missing ${HEADERS.eventId} header`, 0);
    }
    if (isFromNewerContract(message.topic, eventType, eventVersion)) {
      return this.skip(message, 'an event of a later release: its type or version is not in the contract');
    }
    let event: IntegrationEvent;
    try {
      event = parseIntegrationEvent({
        topic: message.topic,
        key: message.key,
        type: eventType,
        version: eventVersion,
        occurredAt: message.headers.occurredAt,
        value: message.data,
        valueProblem: message.valueProblem,
      });
    } catch (error) {
      if (!(error instanceof ContractViolation)) throw error;
      return this.deadLetter(message, 'contract', error.message, 0);
    }
    if (!isOneOf(event, reads)) return this.skip(message, 'a type this consumer does not read');
    for (let attempt = 1; ; attempt++) {
      try {
        const applied = await this.options.dataSource.transaction(async (tx) => {
          if (!(await Inbox.tryRecord(tx, this.options.consumer, eventId))) return false;
          await effect(tx, event);
          return true;
        });
        return applied ? 'applied' : 'duplicate';
      } catch (error) {
        this.log({
          level: 'warn',
          message: 'integration event failed',
          ...this.describe(message),
          attempt,
          maxAttempts: this.maxAttempts,
          error: errorMessage(error),
        });
        if (attempt >= this.maxAttempts)
          return this.deadLetter(message, 'effect', errorMessage(error), attempt);
        await sleep(Math.min(MAX_BACKOFF_MS, this.backoffMs * 2 ** (attempt - 1)));
      }
    }
  }

  private skip(message: ReceivedMessage, why: string): ConsumeOutcome {
    this.log({ level: 'warn', message: `integration event skipped: ${why}`, ...this.describe(message) });
    return 'skipped';
  }

  private async deadLetter(
    message: ReceivedMessage,
    kind: DeadLetterKind,
    error: string,
    attempts: number,
  ): Promise<ConsumeOutcome> {
    const { consumer } = this.options;
    const at = (this.options.now ?? (() => new Date()))();
    const letter = deadLetterOf(message, { consumer, kind, error, attempts, at });
    await this.options.publisher.publishRaw([letter]);
    this.options.deadLettered?.inc({ consumer, topic: message.topic, kind });
    this.log({
      level: 'error',
      message: 'integration event dead-lettered',
      ...this.describe(message),
      kind,
      attempts,
      dlq: letter.topic,
      error,
    });
    return 'dead-lettered';
  }

  private describe(message: ReceivedMessage): Record<string, unknown> {
    const { topic, partition, offset, headers } = message;
    return {
      consumer: this.options.consumer,
      topic,
      partition,
      offset,
      eventId: headers.eventId,
      eventType: headers.eventType,
    };
  }
}

function isOneOf<T extends IntegrationEventType>(
  event: IntegrationEvent,
  types: readonly T[],
): event is IntegrationEventOf<T> {
  return (types as readonly string[]).includes(event.type);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
