import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { dlqTopic, HEADERS } from '@union/contracts';
import { createPostgresTestDatabase, type TestDatabase } from '@union/event-store/testing';
import { Kafka, logLevel, type Admin, type Consumer, type IHeaders, type Producer } from 'kafkajs';
import { IntegrationConsumer } from './integration.consumer';
import { KafkaPublisher } from './kafka.publisher';
import { ensureTopics } from './kafka.topics';
import { kafkaMicroserviceOptions } from './kafka-microservice.options';
import type { WireRecord } from './messaging.port';
import { readReceivedMessage } from './received-message';
import { POISON_RECORDS } from './testing/poison-records';

// Needs the broker of infra/kafka and PostgreSQL; fails, never skips, without them.
const settings = {
  brokers: [process.env.KAFKA_TEST_BROKER ?? '127.0.0.1:9092'],
  clientId: 'dead-letter-e2e',
};
jest.setTimeout(120_000);

const run = `${Date.now()}-${process.pid}`;
const TOPIC = `e2e.poison.${run}.v1`;
const GROUP = `dead-letter-e2e-${run}`;
const kafka = new Kafka({ ...settings, logLevel: logLevel.NOTHING });

let consumer: IntegrationConsumer;

@Controller()
class PoisonController {
  @EventPattern(TOPIC)
  async handle(@Ctx() ctx: KafkaContext): Promise<void> {
    await consumer.consume(readReceivedMessage(ctx), ['HardshipCaseOpened'], () => {
      throw new Error('no poison record may reach its effect');
    });
  }
}

@Module({ controllers: [PoisonController] })
class PoisonModule {}

/** Where each record was written, by the test's own producer (not our publisher). */
interface Sent {
  name: string;
  record: WireRecord;
  partition: number;
  offset: string;
}

describe('dead letters on Kafka (real broker)', () => {
  let admin: Admin;
  let db: TestDatabase;
  let producer: Producer;
  let dlqReader: Consumer;
  let publisher: KafkaPublisher;
  let app: INestMicroservice;

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
    await ensureTopics(settings, [TOPIC]);
    db = await createPostgresTestDatabase();
    publisher = new KafkaPublisher(settings);
    consumer = new IntegrationConsumer({ dataSource: db.dataSource, publisher, consumer: 'e2e:poison' });
    producer = kafka.producer();
    await producer.connect();
    dlqReader = kafka.consumer({ groupId: `${GROUP}-dlq`, maxWaitTimeInMs: 100 });
    await dlqReader.connect();
  });

  afterAll(async () => {
    await app?.close();
    await dlqReader?.disconnect();
    await producer?.disconnect();
    await publisher?.disconnect();
    await db?.close();
    await admin?.deleteTopics({ topics: [TOPIC, dlqTopic(TOPIC)] }).catch(() => undefined);
    await admin?.deleteGroups([GROUP, `${GROUP}-dlq`]).catch(() => undefined);
    await admin?.disconnect();
  });

  it('parks every poison record on <topic>.dlq with its key, value and headers byte for byte', async () => {
    const sent: Sent[] = [];
    for (const { name, record } of POISON_RECORDS) {
      const [meta] = await producer.send({
        topic: TOPIC,
        acks: -1,
        messages: [{ key: record.key, value: record.value, headers: record.headers }],
      });
      sent.push({ name, record, partition: meta.partition, offset: meta.baseOffset ?? '' });
    }

    const parked: { key: Buffer | null; value: Buffer | null; headers: IHeaders }[] = [];
    await dlqReader.subscribe({ topic: dlqTopic(TOPIC), fromBeginning: true });
    await dlqReader.run({
      eachMessage: ({ message }) => {
        parked.push({ key: message.key, value: message.value, headers: message.headers ?? {} });
        return Promise.resolve();
      },
    });
    app = await NestFactory.createMicroservice(PoisonModule, {
      ...kafkaMicroserviceOptions(settings, GROUP),
      logger: ['error'],
    });
    await app.listen();
    for (let waited = 0; parked.length < sent.length && waited < 60_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(parked).toHaveLength(sent.length);

    const text = (h: IHeaders, name: string) => String(h[name]);
    for (const { name, record, partition, offset } of sent) {
      const letter = parked.find(
        (p) =>
          text(p.headers, HEADERS.originalPartition) === String(partition) &&
          text(p.headers, HEADERS.originalOffset) === offset,
      );
      expect({ name, found: letter !== undefined }).toEqual({ name, found: true });
      if (!letter) continue;
      // Byte for byte: Buffer against Buffer, null against null, nothing re-serialised.
      expect({ name, key: letter.key, value: letter.value }).toEqual({
        name,
        key: record.key,
        value: record.value,
      });
      for (const [header, bytes] of Object.entries(record.headers)) {
        expect({ name, header, bytes: letter.headers[header] }).toEqual({ name, header, bytes });
      }
      expect(text(letter.headers, HEADERS.originalTopic)).toBe(TOPIC);
      expect(text(letter.headers, HEADERS.failedConsumer)).toBe('e2e:poison');
      expect(text(letter.headers, HEADERS.failureKind)).toBe('contract');
      expect(Date.parse(text(letter.headers, HEADERS.failedAt))).not.toBeNaN();
      expect(text(letter.headers, HEADERS.originalTimestamp)).toMatch(/^\d+$/);
      expect(text(letter.headers, HEADERS.error)).toMatch(/is not a topic of the contracts|missing event-id/);
    }
  });
});
