import { Kafka, Partitioners, type Message, type Producer, type TopicMessages } from 'kafkajs';
import { kafkaClientConfig, type KafkaSettings } from './kafka.settings';
import {
  encodeMessage,
  type MessagePublisher,
  type OutgoingMessage,
  type RawMessagePublisher,
  type RawOutgoingMessage,
} from './messaging.port';

/**
 * Publishes to Kafka with an idempotent producer: the broker drops the duplicates its own
 * retries would create, and with one request in flight a retry cannot reorder a partition.
 */
export class KafkaPublisher implements MessagePublisher, RawMessagePublisher {
  private readonly producer: Producer;
  private connecting: Promise<void> | null = null;

  constructor(settings: KafkaSettings) {
    this.producer = new Kafka(kafkaClientConfig(settings)).producer({
      idempotent: true,
      maxInFlightRequests: 1,
      // Named explicitly: this is kafkajs 2's default (Java-compatible murmur2, so other Kafka
      // clients put a personRef on the same partition), and naming it silences the warning.
      createPartitioner: Partitioners.DefaultPartitioner,
      // An idempotent producer retries forever by default, so `publish` would never reject while
      // the broker is away and the relay could neither report it nor stop. Bounded (about 5 s
      // when the broker refuses connections), publish rejects and the relay retries later.
      retry: { initialRetryTime: 100, maxRetryTime: 5_000, retries: 8 },
    });
  }

  /** Connects now; optional, since publish connects on first use (and again after a failure). */
  async connect(): Promise<void> {
    this.connecting ??= this.producer.connect().catch((error: unknown) => {
      this.connecting = null;
      throw error;
    });
    await this.connecting;
  }

  async disconnect(): Promise<void> {
    this.connecting = null;
    await this.producer.disconnect();
  }

  /** Resolves once every message is acknowledged by all in-sync replicas (acks -1). */
  publish(messages: OutgoingMessage[]): Promise<void> {
    return this.publishRaw(messages.map((m) => ({ topic: m.topic, ...encodeMessage(m) })));
  }

  /** The records' bytes as they are (a null key or value stays null, an empty one empty). */
  async publishRaw(messages: RawOutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.connect();
    await this.producer.sendBatch({ topicMessages: groupByTopic(messages), acks: -1 });
  }
}

/** One entry per topic, messages in their original order (order matters within a partition). */
function groupByTopic(messages: RawOutgoingMessage[]): TopicMessages[] {
  const byTopic = new Map<string, Message[]>();
  for (const m of messages) {
    const list = byTopic.get(m.topic) ?? [];
    list.push({ key: m.key, value: m.value, headers: { ...m.headers } });
    byTopic.set(m.topic, list);
  }
  return [...byTopic].map(([topic, list]) => ({ topic, messages: list }));
}
