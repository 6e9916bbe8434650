import { dlqTopic, HEADERS } from '@union/contracts';
import { createTestDatabase, type TestDatabase } from '@union/event-store/testing';
import type { EntityManager } from 'typeorm';
import { InProcessBus } from './in-process.bus';
import { InProcessPublisher } from './in-process.publisher';
import { IntegrationConsumer } from './integration.consumer';
import type { JsonLogEntry } from './json-log';
import { encodeMessage } from './messaging.port';
import { decodeReceived, type ReceivedMessage } from './received-message';

const TOPIC = 'medical-aid.claims.v1';
const ref = (n: number) => String(n).repeat(64).slice(0, 64);
const uuid = (n: number) => `c1a1e000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const AT = new Date('2026-03-04T05:06:07.000Z');

/** A ClaimPaid as the medical-aid relay publishes it, received at `offset`; `data` overrides fields. */
function received(
  eventId: string,
  n: number,
  offset = '0',
  data: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): ReceivedMessage {
  const record = encodeMessage({
    topic: TOPIC,
    key: ref(n),
    value: {
      personRef: ref(n),
      claimId: uuid(n),
      periodId: uuid(100),
      unitId: 'u-1',
      outOfPocketFen: 30_000,
      payoutFen: 20_000,
      paidOn: '2025-05-06',
      ...data,
    },
    headers: {
      [HEADERS.eventId]: eventId,
      [HEADERS.eventType]: 'ClaimPaid',
      [HEADERS.eventVersion]: '1',
      [HEADERS.occurredAt]: '2025-05-06T08:00:00.000Z',
      'x-trace': 't-1',
      ...headers,
    },
  });
  return decodeReceived({ topic: TOPIC, partition: 1, offset, timestamp: '1746518400000' }, record);
}

describe('IntegrationConsumer (PGlite)', () => {
  let db: TestDatabase;
  let bus: InProcessBus;
  let logs: JsonLogEntry[];
  let counted: Record<string, string>[];
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
    counted = [];
    consumer = new IntegrationConsumer({
      dataSource: db.dataSource,
      publisher: new InProcessPublisher(bus),
      consumer: 'hardship-cases.claims',
      backoffMs: 5,
      log: (entry) => void logs.push(entry),
      deadLettered: { inc: (labels) => void counted.push(labels) },
      now: () => AT,
    });
  });

  const recordClaim = async (tx: EntityManager, event: { data: { claimId: string; personRef: string } }) => {
    await tx.query(`INSERT INTO paid_claims (claim_id, person_ref) VALUES ($1, $2)`, [
      event.data.claimId,
      event.data.personRef,
    ]);
  };
  const rows = () => db.dataSource.query(`SELECT claim_id, person_ref FROM paid_claims ORDER BY claim_id`);
  const deadLetters = () => bus.messages(dlqTopic(TOPIC));

  it('applies the same event once however often it is delivered, with the parsed event', async () => {
    const message = received('e-1', 1);
    expect(await consumer.consume(message, ['ClaimPaid'], recordClaim)).toBe('applied');
    expect(await consumer.consume({ ...message, offset: '7' }, ['ClaimPaid'], recordClaim)).toBe('duplicate');
    expect(await rows()).toEqual([{ claim_id: uuid(1), person_ref: ref(1) }]);
  });

  it('retries a failing effect, rolls it back, dead-letters it as it came with the error, and goes on', async () => {
    let attempts = 0;
    const poison = received('e-2', 2, '3');
    const outcome = await consumer.consume(poison, ['ClaimPaid'], async (tx, event) => {
      attempts++;
      await recordClaim(tx, event); // written, then rolled back with the inbox row
      throw new Error('unit u-9 is unknown');
    });
    expect(outcome).toBe('dead-lettered');
    expect(attempts).toBe(5);
    expect(await rows()).toEqual([]);
    expect(await db.dataSource.query(`SELECT event_id FROM inbox`)).toEqual([]);

    const [dead, ...more] = deadLetters();
    expect(more).toEqual([]);
    expect(dead.bytes.key).toEqual(poison.raw.key);
    expect(dead.bytes.value).toEqual(poison.raw.value);
    expect(dead.bytes.headers).toEqual({
      ...poison.raw.headers,
      [HEADERS.error]: Buffer.from('unit u-9 is unknown'),
      [HEADERS.failedConsumer]: Buffer.from('hardship-cases.claims'),
      [HEADERS.failureKind]: Buffer.from('effect'),
      [HEADERS.attempts]: Buffer.from('5'),
      [HEADERS.failedAt]: Buffer.from('2026-03-04T05:06:07.000Z'),
      [HEADERS.originalTopic]: Buffer.from(TOPIC),
      [HEADERS.originalPartition]: Buffer.from('1'),
      [HEADERS.originalOffset]: Buffer.from('3'),
      [HEADERS.originalTimestamp]: Buffer.from('1746518400000'),
    });
    expect(counted).toEqual([{ consumer: 'hardship-cases.claims', topic: TOPIC, kind: 'effect' }]);
    expect(logs.filter((l) => l.level === 'warn')).toHaveLength(5);
    expect(logs.at(-1)).toMatchObject({ level: 'error', eventId: 'e-2', offset: '3', dlq: `${TOPIC}.dlq` });

    const next = received('e-3', 3, '4');
    expect(await consumer.consume(next, ['ClaimPaid'], recordClaim)).toBe('applied');
    expect(await rows()).toEqual([{ claim_id: uuid(3), person_ref: ref(3) }]);
  });

  it('applies an effect that failed once on the retry', async () => {
    let attempts = 0;
    const message = received('e-4', 4);
    const outcome = await consumer.consume(message, ['ClaimPaid'], async (tx, event) => {
      await recordClaim(tx, event);
      if (++attempts === 1) throw new Error('serialization failure');
    });
    expect(outcome).toBe('applied');
    expect(await rows()).toEqual([{ claim_id: uuid(4), person_ref: ref(4) }]);
  });

  it('parks an event that breaks its contract at once, every problem named, touching nothing', async () => {
    const effect = jest.fn(recordClaim);
    const bad = received('e-5', 5, '9', { personRef: undefined, payoutFen: 1.5, unitId: '' });
    expect(await consumer.consume(bad, ['ClaimPaid'], effect)).toBe('dead-lettered');
    expect(effect).not.toHaveBeenCalled();
    expect(await rows()).toEqual([]);
    expect(await db.dataSource.query(`SELECT event_id FROM inbox`)).toEqual([]);
    const [dead] = deadLetters();
    expect(dead.bytes.value).toEqual(bad.raw.value);
    expect(dead.headers).toMatchObject({
      [HEADERS.failureKind]: 'contract',
      [HEADERS.attempts]: '0',
      [HEADERS.error]:
        'ClaimPaid on medical-aid.claims.v1 breaks its contract: ' +
        'personRef must be a personRef (64 lower-case hex characters); got nothing (the field is missing); ' +
        'unitId must be non-blank text of at most 200 characters; got a string of 0 characters; ' +
        'payoutFen must be a whole, non-negative number of fen; got a fractional number',
    });
    expect(counted).toEqual([{ consumer: 'hardship-cases.claims', topic: TOPIC, kind: 'contract' }]);
    expect(logs.filter((l) => l.level === 'warn')).toEqual([]); // no retries
  });

  it('parks a message without an event id at once: the inbox could not deduplicate it', async () => {
    const message = received('', 6);
    expect(await consumer.consume(message, ['ClaimPaid'], recordClaim)).toBe('dead-lettered');
    expect(await rows()).toEqual([]);
    expect(deadLetters()[0].headers[HEADERS.error]).toBe('missing event-id header');
  });

  it('skips an event of a later release, and one of a type it does not read, without a trace in the inbox', async () => {
    const v2 = received('e-7', 7, '0', {}, { [HEADERS.eventVersion]: '2' });
    const later = received('e-8', 8, '0', {}, { [HEADERS.eventType]: 'ClaimReopened' });
    const other = received('e-9', 9);
    expect(await consumer.consume(v2, ['ClaimPaid'], recordClaim)).toBe('skipped');
    expect(await consumer.consume(later, ['ClaimPaid'], recordClaim)).toBe('skipped');
    const unread = jest.fn(() => Promise.resolve());
    expect(await consumer.consume(other, ['SeriousIllnessAidGranted'], unread)).toBe('skipped');
    expect(unread).not.toHaveBeenCalled();
    expect(await rows()).toEqual([]);
    expect(await db.dataSource.query(`SELECT event_id FROM inbox`)).toEqual([]);
    expect(deadLetters()).toEqual([]);
  });

  it('rejects when even the dead-letter queue is away, so the transport delivers the message again', async () => {
    const away = new IntegrationConsumer({
      dataSource: db.dataSource,
      publisher: { publishRaw: () => Promise.reject(new Error('broker unavailable')) },
      consumer: 'hardship-cases.claims',
      log: () => undefined,
    });
    await expect(
      away.consume(received('e-10', 10, '0', { tier: 1, payoutFen: -1 }), ['ClaimPaid'], recordClaim),
    ).rejects.toThrow('broker unavailable');
  });
});
