import { dlqTopic, HEADERS } from '@union/contracts';
import { Inbox } from '@union/event-store';
import type { DataSource, EntityManager } from 'typeorm';
import { errorMessage, writeJsonLine, type JsonLog } from './json-log';
import type { MessagePublisher } from './messaging.port';
import type { ReceivedMessage } from './received-message';

/** How a consumer handles an incoming integration event. */
export interface IntegrationConsumerOptions {
  dataSource: DataSource;
  /** Where a message that keeps failing is parked (`<topic>.dlq`). */
  publisher: MessagePublisher;
  /** The inbox's consumer name: one per projection or reaction, stable across releases. */
  consumer: string;
  /** Attempts before dead-lettering (default 5). */
  maxAttempts?: number;
  /** Wait before the first retry, doubled for each further one (default 200 ms). */
  backoffMs?: number;
  log?: JsonLog;
}

/** What became of a message. */
export type ConsumeOutcome = 'applied' | 'duplicate' | 'dead-lettered';

// Retries hold up the partition (and, on Kafka, the consumer's heartbeats): keep their sum
// well below the session timeout (10 s).
const MAX_BACKOFF_MS = 2_000;

/**
 * Idempotent, poison-proof consumption (ARCHITECTURE.md, "Kafka"): the event id goes into the
 * inbox in the same transaction as the effect, so a redelivery changes nothing; a failure rolls
 * both back and is retried; a message that keeps failing goes to `<topic>.dlq` with the error,
 * and consumption goes on.
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
   * Applies `effect` once per event id. Rejects only when even dead-lettering failed; the
   * transport then redelivers the message, so nothing is lost.
   */
  async consume(
    message: ReceivedMessage,
    effect: (tx: EntityManager) => Promise<void>,
  ): Promise<ConsumeOutcome> {
    if (!message.headers.eventId) {
      // Without an id the inbox cannot deduplicate, and no retry will add one.
      return this.deadLetter(message, new Error(`missing ${HEADERS.eventId} header`), 0);
    }
    for (let attempt = 1; ; attempt++) {
      try {
        const applied = await this.options.dataSource.transaction(async (tx) => {
          if (!(await Inbox.tryRecord(tx, this.options.consumer, message.headers.eventId))) return false;
          await effect(tx);
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
        if (attempt >= this.maxAttempts) return this.deadLetter(message, error, attempt);
        await sleep(Math.min(MAX_BACKOFF_MS, this.backoffMs * 2 ** (attempt - 1)));
      }
    }
  }

  private async deadLetter(
    message: ReceivedMessage,
    error: unknown,
    attempts: number,
  ): Promise<ConsumeOutcome> {
    const topic = dlqTopic(message.topic);
    await this.options.publisher.publish([
      {
        topic,
        key: message.key,
        value: message.data,
        headers: {
          ...message.rawHeaders,
          [HEADERS.error]: errorMessage(error),
          [HEADERS.failedConsumer]: this.options.consumer,
        },
      },
    ]);
    this.log({
      level: 'error',
      message: 'integration event dead-lettered',
      ...this.describe(message),
      attempts,
      dlq: topic,
      error: errorMessage(error),
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

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
