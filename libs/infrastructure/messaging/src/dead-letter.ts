import { dlqTopic, HEADERS, type DeadLetterKind } from '@union/contracts';
import type { RawOutgoingMessage, WireRecord } from './messaging.port';
import type { ReceivedMessage } from './received-message';

/** Why and where a consumer gave up on a message. */
export interface DeadLetterFacts {
  consumer: string;
  kind: DeadLetterKind;
  error: string;
  /** How often the effect was tried; 0 when the message was refused before any attempt. */
  attempts: number;
  at: Date;
}

/**
 * The dead letter of a received message: on `<topic>.dlq`, with the original key, value and
 * headers byte for byte (so it can be replayed or inspected exactly as it arrived), plus headers
 * saying why, by whom, when, and where it was read from. A header the original already carries
 * (say a replayed dead letter's `error`) is kept and ours added after it: a repeated header,
 * read as its last value, as Kafka clients read repeated headers.
 */
export function deadLetterOf(message: ReceivedMessage, facts: DeadLetterFacts): RawOutgoingMessage {
  const added: Record<string, string> = {
    [HEADERS.error]: facts.error,
    [HEADERS.failedConsumer]: facts.consumer,
    [HEADERS.failureKind]: facts.kind,
    [HEADERS.attempts]: String(facts.attempts),
    [HEADERS.failedAt]: facts.at.toISOString(),
    [HEADERS.originalTopic]: message.topic,
    [HEADERS.originalPartition]: String(message.partition),
    [HEADERS.originalOffset]: message.offset,
    [HEADERS.originalTimestamp]: message.timestamp,
  };
  const headers: WireRecord['headers'] = { ...message.raw.headers };
  for (const [name, text] of Object.entries(added)) {
    const value = Buffer.from(text, 'utf8');
    const existing = headers[name];
    headers[name] =
      existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return { topic: dlqTopic(message.topic), key: message.raw.key, value: message.raw.value, headers };
}
