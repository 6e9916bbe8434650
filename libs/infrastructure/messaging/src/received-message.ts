import type { KafkaContext } from '@nestjs/microservices';
import { HEADERS, type IntegrationHeaders } from '@union/contracts';
import type { WireRecord } from './messaging.port';

/** A consumed message, the same on both transports. */
export interface ReceivedMessage {
  topic: string;
  partition: number;
  /** Kafka offsets are int64, so they stay strings. */
  offset: string;
  /** The record's timestamp (epoch ms as a string, as kafkajs gives it). */
  timestamp: string;
  /** The key as UTF-8 text; '' when there is none. */
  key: string;
  /** The integration metadata; a missing header reads as '' (or 0 for the version). */
  headers: IntegrationHeaders;
  /** The JSON-parsed value; `undefined` when there is none or it is not JSON. */
  data: unknown;
  /** Why `data` is undefined: no value, an empty one, not UTF-8, not JSON. */
  valueProblem?: string;
  /** The record exactly as received, bytes and all: what a dead letter keeps. */
  raw: WireRecord;
}

/** Where a record was read from. */
export interface RecordPosition {
  topic: string;
  partition: number;
  offset: string;
  timestamp: string;
}

/**
 * Reads what an `@EventPattern` handler gets, on Kafka and in process alike. Both servers
 * (kafkaMicroserviceOptions, InProcessServer) leave the message in the context undecoded, so
 * key, value and headers are the bytes as received; decoding happens here, once.
 */
export function readReceivedMessage(ctx: KafkaContext): ReceivedMessage {
  const message = ctx.getMessage() as unknown as {
    key?: unknown;
    value?: unknown;
    headers?: Record<string, unknown>;
    offset: string;
    timestamp?: string;
  };
  const headers: WireRecord['headers'] = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (Array.isArray(value)) headers[name] = value.map((v) => bytesOf(v) ?? Buffer.alloc(0));
    else {
      const bytes = bytesOf(value);
      if (bytes) headers[name] = bytes;
    }
  }
  return decodeReceived(
    {
      topic: ctx.getTopic(),
      partition: ctx.getPartition(),
      offset: message.offset,
      timestamp: message.timestamp ?? '',
    },
    { key: bytesOf(message.key), value: bytesOf(message.value), headers },
  );
}

/** A received record, decoded: text key, integration headers, JSON value (or why not). */
export function decodeReceived(position: RecordPosition, raw: WireRecord): ReceivedMessage {
  const header = (name: string): string => {
    const value = raw.headers[name];
    // A repeated header: like Java's lastHeader, the last one wins.
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    return last?.toString('utf8') ?? '';
  };
  const version = header(HEADERS.eventVersion);
  const { data, problem } = decodeValue(raw.value);
  return {
    ...position,
    key: raw.key?.toString('utf8') ?? '',
    headers: {
      eventId: header(HEADERS.eventId),
      eventType: header(HEADERS.eventType),
      eventVersion: /^\d{1,9}$/.test(version) ? Number(version) : 0,
      correlationId: header(HEADERS.correlationId),
      causationId: header(HEADERS.causationId),
      source: header(HEADERS.source),
      occurredAt: header(HEADERS.occurredAt),
    },
    data,
    ...(problem === undefined ? {} : { valueProblem: problem }),
    raw,
  };
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function decodeValue(value: Buffer | null): { data: unknown; problem?: string } {
  if (value === null) return { data: undefined, problem: 'the message has no value' };
  if (value.length === 0) return { data: undefined, problem: 'the value is empty' };
  let text: string;
  try {
    text = UTF8.decode(value);
  } catch {
    return { data: undefined, problem: 'the value is not UTF-8 text' };
  }
  try {
    return { data: JSON.parse(text) as unknown };
  } catch {
    return { data: undefined, problem: 'the value is not JSON' };
  }
}

/** The bytes of a key, value or header as kafkajs hands them over (Buffers; strings when sent so). */
function bytesOf(value: unknown): Buffer | null {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value)) return value;
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  throw new TypeError(
    'The message was decoded by a parser that does not keep bytes; consume through kafkaMicroserviceOptions or InProcessServer.',
  );
}
