import { ServerKafka, type KafkaOptions, type MicroserviceOptions } from '@nestjs/microservices';
import { Partitioners } from 'kafkajs';
import { kafkaClientConfig, type KafkaSettings } from './kafka.settings';
import { RawKafkaParser } from './raw-kafka.parser';

/**
 * Consumer settings chosen for latency (ARCHITECTURE.md, "Kafka"): kafkajs's defaults are tuned
 * for throughput and make a waiting consumer, a rebalance or a shutdown take seconds.
 */
export const LOW_LATENCY_CONSUMER = {
  // The broker answers a fetch as soon as one byte is there (minBytes 1), so this does not delay
  // delivery; but kafkajs heartbeats, notices rebalances and stops only between fetches, and the
  // default 5 s made each of those wait up to 5 s. 100 ms costs ~10 empty fetches a second.
  maxWaitTimeInMs: 100,
  // A replica that died without leaving is noticed after this long, and its partitions go to
  // the others (default 30 s). 10 s still tolerates a long GC pause or a slow handler batch.
  sessionTimeout: 10_000,
  // A third of the session timeout or less, as Kafka advises; at 1 s a rebalance started by a
  // new replica reaches this one within about a second (default 3 s).
  heartbeatInterval: 1_000,
  // How long the group waits for members to rejoin during a rebalance (default 60 s). Handlers
  // are short (one transaction, retries bounded by IntegrationConsumer), so 10 s is plenty, and
  // a member that does not make it stops blocking everyone much sooner.
  rebalanceTimeout: 10_000,
  // Reconnect quickly after a broker blip (default starts at 300 ms and grows to 30 s), capped
  // at 5 s like the relay's backoff, and enough retries that a restart of the broker is ridden
  // out before kafkajs gives up and restarts the consumer.
  retry: { initialRetryTime: 100, maxRetryTime: 5_000, retries: 10 },
  // Topics are created by ensureTopics with 3 partitions and retention.ms=-1; an auto-created
  // topic would silently get the broker's defaults (and a typo a new topic).
  allowAutoTopicCreation: false,
} as const;

/** Options for consumer.run(). */
export const LOW_LATENCY_RUN = {
  // One message at a time per partition keeps each person's events in order (key = personRef);
  // the 3 partitions run side by side so one person's slow effect does not hold up the others.
  partitionsConsumedConcurrently: 3,
  // Commit after every batch (kafkajs's default when neither interval nor threshold is set):
  // the inbox makes a redelivery after a crash harmless, so no finer commit is needed.
  autoCommit: true,
} as const;

/**
 * Nest's Kafka server, except that it leaves messages undecoded (RawKafkaParser): handlers read
 * them with readReceivedMessage, and a dead letter keeps the bytes as they came.
 */
export class IntegrationKafkaServer extends ServerKafka {
  constructor(options: Required<KafkaOptions>['options']) {
    super(options);
    this.parser = new RawKafkaParser();
  }
}

/**
 * Options for `app.connectMicroservice()` / `NestFactory.createMicroservice()` consuming Kafka
 * with `@EventPattern(topic)` handlers (an {@link IntegrationKafkaServer}). Call ensureTopics
 * first: subscribing to a missing topic fails since auto-creation is off.
 */
export function kafkaMicroserviceOptions(settings: KafkaSettings, groupId: string): MicroserviceOptions {
  return { strategy: new IntegrationKafkaServer(kafkaServerOptions(settings, groupId)) };
}

/** The Kafka server's options: our group id as is, low-latency consumer settings, from the start. */
export function kafkaServerOptions(
  settings: KafkaSettings,
  groupId: string,
): Required<KafkaOptions>['options'] {
  return {
    // Nest appends "-server" to the client and group ids by default; the group id is part of
    // the consumer's identity (its committed offsets), so it must be exactly ours.
    postfixId: '',
    client: kafkaClientConfig(settings),
    consumer: { groupId, ...LOW_LATENCY_CONSUMER, retry: { ...LOW_LATENCY_CONSUMER.retry } },
    // Topics keep events forever, so a new consumer group builds its state from the start.
    subscribe: { fromBeginning: true },
    run: { ...LOW_LATENCY_RUN },
    // ServerKafka also creates a producer (for replies, unused by events); naming the
    // partitioner is what silences kafkajs's "default partitioner changed" warning.
    producer: { createPartitioner: Partitioners.DefaultPartitioner },
  };
}
