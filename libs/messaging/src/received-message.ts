import type { KafkaContext } from '@nestjs/microservices';
import { HEADERS, type IntegrationHeaders } from '@union/contracts';

/** A consumed message, the same on both transports. */
export interface ReceivedMessage {
  topic: string;
  partition: number;
  /** Kafka offsets are int64, so they stay strings. */
  offset: string;
  key: string;
  /** The integration metadata; a missing header reads as '' (or 0 for the version). */
  headers: IntegrationHeaders;
  /** Every header as received, so a dead-lettered copy keeps headers we do not know about. */
  rawHeaders: Record<string, string>;
  /** The JSON-parsed value. */
  data: unknown;
}

/**
 * Reads what an `@EventPattern` handler gets, on Kafka (ServerKafka) and in process
 * (InProcessServer) alike. Nest's KafkaParser has already decoded the message it puts in the
 * context: key and headers are strings unless they looked like JSON (then parsed) or started
 * with a zero byte (then left as Buffers), so every shape is normalised back to a string here.
 */
export function readReceivedMessage(payload: unknown, ctx: KafkaContext): ReceivedMessage {
  const message = ctx.getMessage();
  const rawHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value !== undefined && value !== null) rawHeaders[name] = asText(value);
  }
  const version = Number.parseInt(rawHeaders[HEADERS.eventVersion] ?? '', 10);
  return {
    topic: ctx.getTopic(),
    partition: ctx.getPartition(),
    offset: message.offset,
    key: message.key === null || message.key === undefined ? '' : asText(message.key),
    headers: {
      eventId: rawHeaders[HEADERS.eventId] ?? '',
      eventType: rawHeaders[HEADERS.eventType] ?? '',
      eventVersion: Number.isNaN(version) ? 0 : version,
      correlationId: rawHeaders[HEADERS.correlationId] ?? '',
      causationId: rawHeaders[HEADERS.causationId] ?? '',
      source: rawHeaders[HEADERS.source] ?? '',
      occurredAt: rawHeaders[HEADERS.occurredAt] ?? '',
    },
    rawHeaders,
    // Nest passes `value ?? message` as the payload, so a null value arrives as the message itself.
    data: payload === message ? null : payload,
  };
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  // An unparsed kafkajs message gives a repeated header as an array; like Java's lastHeader, the
  // last one wins (Nest's parser joins them with commas before we get here).
  if (Array.isArray(value)) return value.length > 0 ? asText(value[value.length - 1]) : '';
  return JSON.stringify(value);
}
