import { dlqTopic } from '@union/contracts';
import { Kafka, type ITopicConfig } from 'kafkajs';
import { kafkaClientConfig, type KafkaSettings } from './kafka.settings';

/** How our topics are created (ARCHITECTURE.md, "Kafka"). */
export interface TopicLayout {
  /** 3 by default: the most consumer replicas of one group that can share the work. */
  partitions?: number;
  /** 1 by default (a single-node broker); production clusters pass 3. */
  replicationFactor?: number;
}

/**
 * Creates each topic and its `<topic>.dlq` if missing, keeping events forever
 * (`retention.ms=-1`) so a consumer can rebuild its projection from the beginning. Idempotent
 * and safe when several replicas start at once. Existing topics are left as they are.
 * Returns the topics it created.
 */
export async function ensureTopics(
  settings: KafkaSettings,
  topics: readonly string[],
  layout: TopicLayout = {},
): Promise<string[]> {
  const admin = new Kafka(kafkaClientConfig(settings)).admin();
  await admin.connect();
  try {
    const wanted = [...new Set(topics.flatMap((t) => [t, dlqTopic(t)]))];
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((t) => !existing.has(t));
    if (missing.length === 0) return [];
    const configs: ITopicConfig[] = missing.map((topic) => ({
      topic,
      numPartitions: layout.partitions ?? 3,
      replicationFactor: layout.replicationFactor ?? 1,
      configEntries: [{ name: 'retention.ms', value: '-1' }],
    }));
    try {
      // kafkajs resolves false (no throw) when every failure is TOPIC_ALREADY_EXISTS, i.e. another
      // replica created the topic between our listTopics and here.
      await admin.createTopics({ topics: configs, waitForLeaders: true });
    } catch (error) {
      if (!onlyAlreadyExists(error)) throw error;
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}

function onlyAlreadyExists(error: unknown): boolean {
  const errors = (error as { errors?: { type?: string }[] } | null)?.errors;
  return Array.isArray(errors) && errors.length > 0 && errors.every((e) => e.type === 'TOPIC_ALREADY_EXISTS');
}
