import { performance } from 'node:perf_hooks';
import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { dlqTopic, HEADERS } from '@union/contracts';
import { ConfigResourceTypes, Kafka, logLevel, type Admin } from 'kafkajs';
import { KafkaPublisher } from './kafka.publisher';
import { ensureTopics } from './kafka.topics';
import { kafkaMicroserviceOptions } from './kafka-microservice.options';
import type { OutgoingMessage } from './messaging.port';
import { readReceivedMessage, type ReceivedMessage } from './received-message';

// Needs the broker of infra/kafka (npm run kafka:start); fails, never skips, without it.
const settings = { brokers: [process.env.KAFKA_TEST_BROKER ?? '127.0.0.1:9092'], clientId: 'messaging-e2e' };
// Set here: a `testTimeout` inside jest.config's `projects` entries is not applied (global-only).
jest.setTimeout(120_000);

const run = `${Date.now()}-${process.pid}`;
const TOPIC = `e2e.messaging.${run}.v1`;
const GROUP = `messaging-e2e-${run}`;

const received: { message: ReceivedMessage; at: number }[] = [];
let onReceive: () => void = () => undefined;

@Controller()
class E2eController {
  @EventPattern(TOPIC)
  handle(@Ctx() ctx: KafkaContext): void {
    received.push({ message: readReceivedMessage(ctx), at: performance.now() });
    onReceive();
  }
}

@Module({ controllers: [E2eController] })
class E2eModule {}

const message = (n: number, personRef: string): OutgoingMessage => ({
  topic: TOPIC,
  key: personRef,
  value: { personRef, n },
  headers: {
    [HEADERS.eventId]: `e-${run}-${n}`,
    [HEADERS.eventType]: 'E2eHappened',
    [HEADERS.eventVersion]: '1',
    [HEADERS.source]: 'e2e',
  },
});

/** Resolves once `count` messages have arrived in total. */
function receivedCount(count: number, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`only ${received.length} of ${count} messages arrived`)),
      timeoutMs,
    );
    onReceive = () => {
      if (received.length >= count) {
        clearTimeout(timer);
        resolve();
      }
    };
    onReceive();
  });
}

describe('Kafka transport (real broker)', () => {
  let admin: Admin;
  let publisher: KafkaPublisher;
  let app: INestMicroservice | undefined;

  beforeAll(async () => {
    admin = new Kafka({
      ...settings,
      logLevel: logLevel.NOTHING,
      connectionTimeout: 2000,
      retry: { retries: 1 },
    }).admin();
    try {
      await admin.connect();
      await admin.describeCluster();
    } catch (error) {
      throw new Error(
        `Kafka is not reachable on ${settings.brokers.join(',')}: start it with \`npm run kafka:start\` (${String(error)})`,
      );
    }
    publisher = new KafkaPublisher(settings);
  });

  afterAll(async () => {
    await app?.close();
    await publisher?.disconnect();
    await admin?.deleteTopics({ topics: [TOPIC, dlqTopic(TOPIC)] }).catch(() => undefined);
    await admin?.deleteGroups([GROUP]).catch(() => undefined);
    await admin?.disconnect();
  });

  it('creates the topic and its dlq with 3 partitions that keep events forever, once', async () => {
    expect((await ensureTopics(settings, [TOPIC])).sort()).toEqual([TOPIC, dlqTopic(TOPIC)].sort());
    expect(await ensureTopics(settings, [TOPIC])).toEqual([]);

    const { topics } = await admin.fetchTopicMetadata({ topics: [TOPIC, dlqTopic(TOPIC)] });
    expect(topics.map((t) => t.partitions.length)).toEqual([3, 3]);
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [TOPIC, dlqTopic(TOPIC)].map((name) => ({
        type: ConfigResourceTypes.TOPIC,
        name,
        configNames: ['retention.ms'],
      })),
    });
    expect(
      resources.map((r) => r.configEntries.find((c) => c.configName === 'retention.ms')?.configValue),
    ).toEqual(['-1', '-1']);
  });

  it('delivers keyed messages to an @EventPattern handler, headers and all, with low latency', async () => {
    await ensureTopics(settings, [TOPIC]); // no-op after the test above; lets this one run alone
    await publisher.publish([message(1, 'p-a'), message(2, 'p-b'), message(3, 'p-a')]);

    const started = performance.now();
    app = await NestFactory.createMicroservice(E2eModule, {
      ...kafkaMicroserviceOptions(settings, GROUP),
      logger: ['error', 'warn'],
    });
    await app.listen();
    await receivedCount(3);
    console.log(
      `group joined and first 3 messages consumed ${(performance.now() - started).toFixed(0)} ms after start`,
    );

    const byN = new Map(received.map(({ message: m }) => [(m.data as { n: number }).n, m]));
    expect(byN.get(1)).toMatchObject({ topic: TOPIC, key: 'p-a', data: { personRef: 'p-a', n: 1 } });
    expect(byN.get(1)?.headers).toMatchObject({
      eventId: `e-${run}-1`,
      eventType: 'E2eHappened',
      eventVersion: 1,
      source: 'e2e',
    });
    // Same key, same partition, in publish order.
    expect(byN.get(3)?.partition).toBe(byN.get(1)?.partition);
    expect(BigInt(byN.get(3)?.offset ?? -1)).toBeGreaterThan(BigInt(byN.get(1)?.offset ?? 0));

    const latencies: number[] = [];
    for (let n = 4; n < 14; n++) {
      const sent = performance.now();
      await publisher.publish([message(n, `p-${n}`)]);
      await receivedCount(n);
      latencies.push(received[received.length - 1].at - sent);
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(
      `publish -> handler over ${latencies.length} messages: median ${sorted[5].toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`,
    );
    expect(sorted[sorted.length - 1]).toBeLessThan(2000);
  });

  it('rejects publish when no broker acknowledges', async () => {
    const nowhere = new KafkaPublisher({ brokers: ['127.0.0.1:1'], clientId: 'messaging-e2e-nowhere' });
    await expect(nowhere.publish([message(99, 'p-x')])).rejects.toThrow();
    await nowhere.disconnect();
  });
});
