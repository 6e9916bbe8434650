import { Kafka, logLevel, type Admin } from 'kafkajs';
import { dlqTopic, HEADERS } from '@union/contracts';
import { KafkaProbe } from './broker.probe';
import { KafkaPublisher } from './kafka.publisher';
import { ensureTopics } from './kafka.topics';

// Needs the broker of infra/kafka (npm run kafka:start); fails, never skips, without it.
const settings = { brokers: [process.env.KAFKA_TEST_BROKER ?? '127.0.0.1:9092'], clientId: 'probe-e2e' };
const run = `${Date.now()}-${process.pid}`;
const TOPIC = `e2e.probe.${run}.v1`;
const GROUP = `probe-e2e-${run}`;

/** What readiness detail and the consumer_lag gauge report, against the real broker. */
describe('KafkaProbe (real broker)', () => {
  let admin: Admin;
  beforeAll(async () => {
    admin = new Kafka({ ...settings, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await ensureTopics(settings, [TOPIC]);
  });
  afterAll(async () => {
    await admin?.deleteTopics({ topics: [TOPIC, dlqTopic(TOPIC)] }).catch(() => undefined);
    await admin?.deleteGroups([GROUP]).catch(() => undefined);
    await admin?.disconnect();
  });

  it("reads the group's lag per topic: everything before it commits, the rest after", async () => {
    const publisher = new KafkaPublisher(settings);
    await publisher.publish(
      Array.from({ length: 5 }, (_, n) => ({
        topic: TOPIC,
        key: 'p-1',
        value: { n },
        headers: { [HEADERS.eventId]: `e-${n}` },
      })),
    );
    await publisher.disconnect();
    const probe = new KafkaProbe(settings, { groupId: GROUP, topics: [TOPIC] }, 0);
    expect(await probe.status()).toEqual({
      transport: 'kafka',
      reachable: true,
      consumerLag: { [TOPIC]: 5 },
    });

    const [partition] = (await admin.fetchTopicOffsets(TOPIC)).filter((p) => Number(p.high) === 5);
    await admin.setOffsets({
      groupId: GROUP,
      topic: TOPIC,
      partitions: [{ partition: partition.partition, offset: '3' }],
    });
    expect(await probe.status()).toMatchObject({ reachable: true, consumerLag: { [TOPIC]: 2 } });
    await probe.close();
  });

  it('answers unreachable, quickly and without throwing, when no broker listens', async () => {
    const probe = new KafkaProbe(
      { brokers: ['127.0.0.1:1'], clientId: 'probe-e2e' },
      { groupId: GROUP, topics: [TOPIC] },
    );
    const started = Date.now();
    const status = await probe.status();
    expect(status).toMatchObject({ transport: 'kafka', reachable: false });
    expect(status.error).toMatch(/ECONNREFUSED/);
    expect(Date.now() - started).toBeLessThan(3_000);
    // A second probe within the cache window reuses the answer.
    expect(await probe.status()).toBe(status);
    await probe.close();
  });
});
