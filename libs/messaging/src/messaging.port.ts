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
 * The one wire format of values on both transports, so a consumer sees the same thing in
 * process as over Kafka (dates as ISO strings, no shared object references).
 */
export const serializeValue = (value: unknown): string | null =>
  value === undefined ? null : JSON.stringify(value);
