import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { dlqTopic, HEADERS, TOPICS } from '@union/contracts';
import { createTestDatabase, type TestDatabase } from '@union/event-store/testing';
import { timer, map, type Observable } from 'rxjs';
import { InProcessBus } from './in-process.bus';
import { InProcessPublisher } from './in-process.publisher';
import { InProcessServer } from './in-process.server';
import { IntegrationConsumer } from './integration.consumer';
import type { JsonLogEntry } from './json-log';
import type { OutgoingMessage } from './messaging.port';
import { readReceivedMessage, type ReceivedMessage } from './received-message';
import { POISON_RECORDS } from './testing/poison-records';

const seen: ReceivedMessage[] = [];
const trace: string[] = [];
let crashes = 0;

/** The same controller code a service runs on Kafka. */
@Controller()
class HardshipEventsController {
  constructor(private readonly consumer: IntegrationConsumer) {}

  @EventPattern(TOPICS.hardshipCases)
  async onHardshipEvent(@Ctx() ctx: KafkaContext): Promise<void> {
    const message = readReceivedMessage(ctx);
    if (message.headers.eventId === 'e-crash' && crashes-- > 0) throw new Error('handler bug');
    seen.push(message);
    await this.consumer.consume(message, ['HardshipCaseOpened'], async (tx, event) => {
      await tx.query(`INSERT INTO eligibility (person_ref, event_id) VALUES ($1, $2)`, [
        event.data.personRef,
        message.headers.eventId,
      ]);
    });
  }

  @EventPattern(TOPICS.educationGrants)
  onGrant(@Payload() data: Buffer): Observable<void> {
    const { personRef } = JSON.parse(data.toString()) as { personRef: string };
    trace.push(`start ${personRef}`);
    return timer(20).pipe(map(() => void trace.push(`end ${personRef}`)));
  }
}

const ref = (n: number) => n.toString(16).padStart(64, '0');
const message = (topic: string, n: number, eventId = `e-${n}`): OutgoingMessage => ({
  topic,
  key: ref(n),
  value: {
    personRef: ref(n),
    caseId: `ca5e0000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    unitId: 'u-1',
    regionCode: '110105',
    tier: 'deep',
    openedOn: '2025-02-03',
  },
  headers: {
    [HEADERS.eventId]: eventId,
    [HEADERS.eventType]: 'HardshipCaseOpened',
    [HEADERS.eventVersion]: '1',
    [HEADERS.correlationId]: `corr-${n}`,
    [HEADERS.causationId]: `cause-${n}`,
    [HEADERS.source]: 'hardship-cases',
    [HEADERS.occurredAt]: '2025-02-03T04:05:06.000Z',
  },
});

describe('InProcessServer in a Nest microservice (PGlite)', () => {
  let db: TestDatabase;
  let app: INestMicroservice;
  const bus = new InProcessBus(() => undefined);
  const logs: JsonLogEntry[] = [];
  const rows = () => db.dataSource.query(`SELECT person_ref, event_id FROM eligibility ORDER BY event_id`);

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.dataSource.query(`CREATE TABLE eligibility (person_ref text, event_id text)`);
    const consumer = new IntegrationConsumer({
      dataSource: db.dataSource,
      publisher: new InProcessPublisher(bus),
      consumer: 'grants.eligibility',
      log: () => undefined,
    });
    @Module({
      controllers: [HardshipEventsController],
      providers: [{ provide: IntegrationConsumer, useValue: consumer }],
    })
    class EventsModule {}
    app = await NestFactory.createMicroservice(EventsModule, {
      strategy: new InProcessServer({ bus, groupId: 'education-grants', log: (e) => void logs.push(e) }),
      logger: false,
    });
    await app.listen();
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('delivers a published event to the @EventPattern handler with readable headers, once', async () => {
    const publisher = new InProcessPublisher(bus);
    await publisher.publish([message(TOPICS.hardshipCases, 1)]);
    await publisher.publish([message(TOPICS.hardshipCases, 1)]); // a re-sent batch
    await bus.idle();

    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatchObject({
      topic: 'hardship.cases.v1',
      partition: 0,
      offset: '0',
      key: ref(1),
      headers: {
        eventId: 'e-1',
        eventType: 'HardshipCaseOpened',
        eventVersion: 1,
        correlationId: 'corr-1',
        causationId: 'cause-1',
        source: 'hardship-cases',
        occurredAt: '2025-02-03T04:05:06.000Z',
      },
      data: message(TOPICS.hardshipCases, 1).value,
    });
    expect(seen[0].raw.headers[HEADERS.source]).toEqual(Buffer.from('hardship-cases'));
    expect(await rows()).toEqual([{ person_ref: ref(1), event_id: 'e-1' }]);
  });

  it('delivers a message again when its handler fails, as Kafka does, and then the next', async () => {
    crashes = 2;
    const publisher = new InProcessPublisher(bus);
    await publisher.publish([message(TOPICS.hardshipCases, 2, 'e-crash'), message(TOPICS.hardshipCases, 3)]);
    await bus.idle();
    // Nest's RPC exception filter has already logged the original error and hands us its generic
    // "Internal server error" in its place.
    expect(logs).toEqual([
      expect.objectContaining({
        level: 'error',
        group: 'education-grants',
        topic: 'hardship.cases.v1',
        offset: 2,
      }),
      expect.objectContaining({ level: 'error', offset: 2 }),
    ]);
    expect(seen.slice(-2).map((m) => m.headers.eventId)).toEqual(['e-crash', 'e-3']);
    expect(await rows()).toEqual([
      { person_ref: ref(1), event_id: 'e-1' },
      { person_ref: ref(3), event_id: 'e-3' },
      { person_ref: ref(2), event_id: 'e-crash' },
    ]);
  });

  it('parks poison records on the dlq byte for byte, headers and all, and goes on', async () => {
    const before = await rows();
    await bus.publishRaw(POISON_RECORDS.map((r) => ({ topic: TOPICS.hardshipCases, ...r.record })));
    await new InProcessPublisher(bus).publish([message(TOPICS.hardshipCases, 4)]);
    await bus.idle();
    const after = await rows();
    expect(after).toHaveLength(before.length + 1);
    expect(after).toContainEqual({ person_ref: ref(4), event_id: 'e-4' });
    const parked = bus.messages(dlqTopic(TOPICS.hardshipCases));
    expect(parked).toHaveLength(POISON_RECORDS.length);
    POISON_RECORDS.forEach(({ name, record }, i) => {
      const { key, value, headers } = parked[i].bytes;
      expect({ name, key, value }).toEqual({ name, key: record.key, value: record.value });
      for (const [header, bytes] of Object.entries(record.headers)) expect(headers[header]).toEqual(bytes);
      expect(parked[i].headers).toMatchObject({
        [HEADERS.failureKind]: 'contract',
        [HEADERS.failedConsumer]: 'grants.eligibility',
        [HEADERS.originalTopic]: TOPICS.hardshipCases,
        [HEADERS.originalPartition]: '0',
        [HEADERS.error]: expect.stringContaining(POISON_RECORDS[i].problem),
      });
    });
  });

  it('waits for a returned observable before handing over the next message', async () => {
    const publisher = new InProcessPublisher(bus);
    await publisher.publish([
      { ...message(TOPICS.educationGrants, 4), value: { personRef: 'p-4' } },
      { ...message(TOPICS.educationGrants, 5), value: { personRef: 'p-5' } },
    ]);
    await bus.idle();
    expect(trace).toEqual(['start p-4', 'end p-4', 'start p-5', 'end p-5']);
  });
});
