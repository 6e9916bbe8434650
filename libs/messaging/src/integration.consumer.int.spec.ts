import { dlqTopic, HEADERS } from '@union/contracts';
import { createTestDatabase, type TestDatabase } from '@union/event-store/testing';
import type { EntityManager } from 'typeorm';
import { InProcessBus } from './in-process.bus';
import { InProcessPublisher } from './in-process.publisher';
import { IntegrationConsumer } from './integration.consumer';
import type { JsonLogEntry } from './json-log';
import type { ReceivedMessage } from './received-message';

const TOPIC = 'medical-aid.claims.v1';

const received = (eventId: string, personRef: string, offset = '0'): ReceivedMessage => ({
  topic: TOPIC,
  partition: 1,
  offset,
  key: personRef,
  headers: {
    eventId,
    eventType: 'ClaimPaid',
    eventVersion: 1,
    correlationId: 'c',
    causationId: 'c',
    source: 'medical-aid',
    occurredAt: '2025-01-01T00:00:00.000Z',
  },
  rawHeaders: { [HEADERS.eventId]: eventId, [HEADERS.eventType]: 'ClaimPaid', 'x-trace': 't-1' },
  data: { personRef, claimId: `claim-${eventId}` },
});

describe('IntegrationConsumer (PGlite)', () => {
  let db: TestDatabase;
  let bus: InProcessBus;
  let logs: JsonLogEntry[];
  let consumer: IntegrationConsumer;

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.dataSource.query(
      `CREATE TABLE paid_claims (claim_id text PRIMARY KEY, person_ref text NOT NULL)`,
    );
  });
  afterAll(() => db.close());
  beforeEach(async () => {
    await db.dataSource.query(`TRUNCATE inbox, paid_claims`);
    bus = new InProcessBus();
    logs = [];
    consumer = new IntegrationConsumer({
      dataSource: db.dataSource,
      publisher: new InProcessPublisher(bus),
      consumer: 'hardship-cases.claims',
      backoffMs: 5,
      log: (entry) => void logs.push(entry),
    });
  });

  const recordClaim = (message: ReceivedMessage) => async (tx: EntityManager) => {
    const { claimId, personRef } = message.data as { claimId: string; personRef: string };
    await tx.query(`INSERT INTO paid_claims (claim_id, person_ref) VALUES ($1, $2)`, [claimId, personRef]);
  };
  const rows = () => db.dataSource.query(`SELECT claim_id, person_ref FROM paid_claims ORDER BY claim_id`);

  it('applies the same event once however often it is delivered', async () => {
    const message = received('e-1', 'p-1');
    expect(await consumer.consume(message, recordClaim(message))).toBe('applied');
    expect(await consumer.consume({ ...message, offset: '7' }, recordClaim(message))).toBe('duplicate');
    expect(await rows()).toEqual([{ claim_id: 'claim-e-1', person_ref: 'p-1' }]);
  });

  it('retries a failing effect, rolls it back, dead-letters it with the error, and goes on', async () => {
    let attempts = 0;
    const poison = received('e-2', 'p-2', '3');
    const outcome = await consumer.consume(poison, async (tx) => {
      attempts++;
      await recordClaim(poison)(tx); // written, then rolled back with the inbox row
      throw new Error('unit u-9 is unknown');
    });
    expect(outcome).toBe('dead-lettered');
    expect(attempts).toBe(5);
    expect(await rows()).toEqual([]);
    expect(await db.dataSource.query(`SELECT event_id FROM inbox`)).toEqual([]);

    const [dead, ...more] = bus.messages(dlqTopic(TOPIC));
    expect(more).toEqual([]);
    expect(dead).toMatchObject({ topic: 'medical-aid.claims.v1.dlq', key: 'p-2' });
    expect(JSON.parse(dead.value ?? 'null')).toEqual(poison.data);
    expect(dead.headers).toEqual({
      ...poison.rawHeaders,
      [HEADERS.error]: 'unit u-9 is unknown',
      [HEADERS.failedConsumer]: 'hardship-cases.claims',
    });
    expect(logs.filter((l) => l.level === 'warn')).toHaveLength(5);
    expect(logs.at(-1)).toMatchObject({
      level: 'error',
      eventId: 'e-2',
      offset: '3',
      dlq: 'medical-aid.claims.v1.dlq',
    });

    const next = received('e-3', 'p-3', '4');
    expect(await consumer.consume(next, recordClaim(next))).toBe('applied');
    expect(await rows()).toEqual([{ claim_id: 'claim-e-3', person_ref: 'p-3' }]);
  });

  it('applies an effect that failed once on the retry', async () => {
    let attempts = 0;
    const message = received('e-4', 'p-4');
    const outcome = await consumer.consume(message, async (tx) => {
      await recordClaim(message)(tx);
      if (++attempts === 1) throw new Error('serialization failure');
    });
    expect(outcome).toBe('applied');
    expect(await rows()).toEqual([{ claim_id: 'claim-e-4', person_ref: 'p-4' }]);
  });

  it('dead-letters a message without an event id at once: the inbox could not deduplicate it', async () => {
    const message = received('', 'p-5');
    expect(await consumer.consume(message, recordClaim(message))).toBe('dead-lettered');
    expect(await rows()).toEqual([]);
    expect(bus.messages(dlqTopic(TOPIC))[0].headers[HEADERS.error]).toBe('missing event-id header');
  });
});
