import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { HEADERS, TOPICS } from '@union/contracts';
import { createTestDatabase, type TestDatabase } from '@union/event-store/testing';
import { timer, map, type Observable } from 'rxjs';
import { InProcessBus } from './in-process.bus';
import { InProcessPublisher } from './in-process.publisher';
import { InProcessServer } from './in-process.server';
import { IntegrationConsumer } from './integration.consumer';
import type { JsonLogEntry } from './json-log';
import type { OutgoingMessage } from './messaging.port';
import { readReceivedMessage, type ReceivedMessage } from './received-message';

const seen: ReceivedMessage[] = [];
const trace: string[] = [];

/** The same controller code a service runs on Kafka. */
@Controller()
class HardshipEventsController {
  constructor(private readonly consumer: IntegrationConsumer) {}

  @EventPattern(TOPICS.hardshipCases)
  async onHardshipEvent(@Payload() data: unknown, @Ctx() ctx: KafkaContext): Promise<void> {
    const message = readReceivedMessage(data, ctx);
    if (message.key === 'p-crash') throw new Error('handler bug');
    seen.push(message);
    await this.consumer.consume(message, async (tx) => {
      await tx.query(`INSERT INTO eligibility (person_ref, event_id) VALUES ($1, $2)`, [
        message.key,
        message.headers.eventId,
      ]);
    });
  }

  @EventPattern(TOPICS.educationGrants)
  onGrant(@Payload() data: { personRef: string }): Observable<void> {
    trace.push(`start ${data.personRef}`);
    return timer(20).pipe(map(() => void trace.push(`end ${data.personRef}`)));
  }
}

const message = (topic: string, n: number, personRef = `p-${n}`): OutgoingMessage => ({
  topic,
  key: personRef,
  value: { personRef, caseId: `case-${n}`, tier: 'deep' },
  headers: {
    [HEADERS.eventId]: `e-${n}`,
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

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.dataSource.query(`CREATE TABLE eligibility (person_ref text, event_id text)`);
    const consumer = new IntegrationConsumer({
      dataSource: db.dataSource,
      publisher: new InProcessPublisher(bus),
      consumer: 'grants.eligibility',
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
    expect(seen[0]).toEqual({
      topic: 'hardship.cases.v1',
      partition: 0,
      offset: '0',
      key: 'p-1',
      headers: {
        eventId: 'e-1',
        eventType: 'HardshipCaseOpened',
        eventVersion: 1,
        correlationId: 'corr-1',
        causationId: 'cause-1',
        source: 'hardship-cases',
        occurredAt: '2025-02-03T04:05:06.000Z',
      },
      rawHeaders: message(TOPICS.hardshipCases, 1).headers,
      data: { personRef: 'p-1', caseId: 'case-1', tier: 'deep' },
    });
    expect(await db.dataSource.query(`SELECT person_ref, event_id FROM eligibility`)).toEqual([
      { person_ref: 'p-1', event_id: 'e-1' },
    ]);
  });

  it('logs a failing handler and still delivers the next message', async () => {
    const publisher = new InProcessPublisher(bus);
    await publisher.publish([message(TOPICS.hardshipCases, 2, 'p-crash'), message(TOPICS.hardshipCases, 3)]);
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
    ]);
    expect(seen.at(-1)?.headers.eventId).toBe('e-3');
  });

  it('waits for a returned observable before handing over the next message', async () => {
    await new InProcessPublisher(bus).publish([
      message(TOPICS.educationGrants, 4),
      message(TOPICS.educationGrants, 5),
    ]);
    await bus.idle();
    expect(trace).toEqual(['start p-4', 'end p-4', 'start p-5', 'end p-5']);
  });
});
