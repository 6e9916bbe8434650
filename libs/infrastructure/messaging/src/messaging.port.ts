/**
 * The messaging port: what the relay and the consumers need from a broker, whichever broker it
 * is (Kafka in production, the in-process bus in the embedded default).
 */

/** One message to publish. `value` is serialised as JSON; headers carry the event's metadata. */
export interface OutgoingMessage {
  topic: string;
  /** The partition key (`personRef`), so one person's events stay in order. */
  key: string;
  value: unknown;
  headers: Record<string, string>;
}

/** Publishes messages; implemented by KafkaPublisher and InProcessPublisher. */
export interface MessagePublisher {
  /**
   * Resolves only once the broker acknowledged every message (all in-sync replicas for Kafka);
   * rejects otherwise, in which case any subset may have been written: callers retry, and
   * consumers deduplicate by event id.
   */
  publish(messages: OutgoingMessage[]): Promise<void>;
}

/**
 * A record's bytes exactly as a broker keeps them: key and value may be absent (null) or empty,
 * a header repeated on the record is a list. Nothing here has been decoded.
 */
export interface WireRecord {
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer | Buffer[]>;
}

/** A record to publish byte for byte, as received (the dead-letter queue keeps such copies). */
export interface RawOutgoingMessage extends WireRecord {
  topic: string;
}

/** Publishes records without re-serialising them; implemented by both publishers. */
export interface RawMessagePublisher {
  /** Like {@link MessagePublisher.publish}: resolves once the broker acknowledged every record. */
  publishRaw(messages: RawOutgoingMessage[]): Promise<void>;
}

/** The bytes an {@link OutgoingMessage} travels as, on both transports. */
export function encodeMessage(message: OutgoingMessage): WireRecord {
  const value = serializeValue(message.value);
  return {
    key: Buffer.from(message.key, 'utf8'),
    value: value === null ? null : Buffer.from(value, 'utf8'),
    headers: Object.fromEntries(
      Object.entries(message.headers).map(([name, text]) => [name, Buffer.from(text, 'utf8')]),
    ),
  };
}

/**
 * The one wire format of values on both transports, so a consumer sees the same thing in
 * process as over Kafka (dates as ISO strings, no shared object references).
 */
export const serializeValue = (value: unknown): string | null =>
  value === undefined ? null : JSON.stringify(value);
