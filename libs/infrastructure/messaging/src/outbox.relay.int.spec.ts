import { HEADERS, TOPICS } from '@union/contracts';
import { Checkpoints, EventStore, START, type StoredEvent } from '@union/event-store';
import { createTestDatabase, type TestDatabase } from '@union/event-store/testing';
import { integrationMessage } from './integration-message';
import type { JsonLogEntry } from './json-log';
import type { MessagePublisher, OutgoingMessage } from './messaging.port';
import { OutboxRelay } from './outbox.relay';

/** A broker that is away for the first `failures` publishes, then acknowledges everything. */
class FlakyPublisher implements MessagePublisher {
  readonly batches: OutgoingMessage[][] = [];
  constructor(private failures = 0) {}
  publish(messages: OutgoingMessage[]): Promise<void> {
    if (this.failures > 0) {
      this.failures--;
      return Promise.reject(new Error('broker unavailable'));
    }
    this.batches.push(messages);
    return Promise.resolve();
  }
  get eventIds(): string[] {
    return this.batches.flat().map((m) => m.headers[HEADERS.eventId]);
  }
}

// Internal events (here `CaseNoteAdded`) stay in the service: map returns null.
const map = (e: StoredEvent): OutgoingMessage | null =>
  e.type === 'CaseNoteAdded'
    ? null
    : integrationMessage(e, {
        topic: TOPICS.hardshipCases,
        type: e.type,
        version: 1,
        data: e.data as { personRef: string },
        source: 'hardship-cases',
      });

describe('OutboxRelay (PGlite)', () => {
  let db: TestDatabase;
  let store: EventStore;
  let checkpoints: Checkpoints;
  const logs: JsonLogEntry[] = [];
  const log = (entry: JsonLogEntry) => void logs.push(entry);

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new EventStore(db.dataSource);
    checkpoints = new Checkpoints(db.dataSource);
  });
  afterAll(() => db.close());
  beforeEach(() => db.dataSource.query(`TRUNCATE events, checkpoints, inbox RESTART IDENTITY`));

  const append = async (caseNo: number, types: string[]): Promise<StoredEvent[]> =>
    (
      await store.append(
        `case-${caseNo}`,
        types.map((type) => ({ type, data: { personRef: `p-${caseNo}`, caseId: `case-${caseNo}` } })),
        { expectedVersion: 'no_stream' },
      )
    ).events;

  it('publishes in commit order in one call per batch, skipping unmapped events, then advances', async () => {
    const a = await append(1, ['HardshipCaseOpened', 'CaseNoteAdded', 'HardshipTierChanged']);
    const b = await append(2, ['HardshipCaseOpened']);
    const publisher = new FlakyPublisher();
    const relay = new OutboxRelay({ name: 'relay:test', store, checkpoints, publisher, map, batchSize: 3 });

    expect(await relay.runOnce()).toBe(3);
    expect(await relay.runOnce()).toBe(1);
    expect(await relay.runOnce()).toBe(0);

    expect(publisher.batches.map((batch) => batch.length)).toEqual([2, 1]);
    expect(publisher.eventIds).toEqual([a[0].eventId, a[2].eventId, b[0].eventId]);
    expect(publisher.batches[0][0]).toMatchObject({ key: 'p-1', topic: 'hardship.cases.v1' });
    expect(await checkpoints.get('relay:test')).toEqual({
      transactionId: b[0].transactionId,
      globalPosition: b[0].globalPosition,
    });
    expect(relay.status()).toMatchObject({ running: false, published: 3 });
  });

  it('keeps the checkpoint when publish rejects, and re-sends the same events next time', async () => {
    const events = await append(3, ['HardshipCaseOpened', 'HardshipCaseClosed']);
    const publisher = new FlakyPublisher(1);
    const relay = new OutboxRelay({ name: 'relay:test', store, checkpoints, publisher, map });

    await expect(relay.runOnce()).rejects.toThrow('broker unavailable');
    expect(await checkpoints.get('relay:test')).toEqual(START);
    expect(publisher.batches).toEqual([]);

    expect(await relay.runOnce()).toBe(2);
    expect(publisher.eventIds).toEqual(events.map((e) => e.eventId));
    expect(await checkpoints.get('relay:test')).toEqual({
      transactionId: events[1].transactionId,
      globalPosition: events[1].globalPosition,
    });
  });

  it('never moves the checkpoint back: a relay finishing an older batch late leaves it alone', async () => {
    const events = [
      ...(await append(6, ['HardshipCaseOpened', 'HardshipCaseClosed'])),
      ...(await append(7, ['HardshipCaseOpened'])),
    ];
    // The slow relay reads the first two events, then its broker is slow to acknowledge.
    const broker = { acknowledge: null as (() => void) | null };
    const slow = new OutboxRelay({
      name: 'relay:test',
      store,
      checkpoints,
      map,
      batchSize: 2,
      publisher: { publish: () => new Promise<void>((resolve) => (broker.acknowledge = resolve)) },
    });
    const late = slow.runOnce();
    await waitFor(() => broker.acknowledge !== null);
    // Meanwhile another relay (its successor as leader) publishes all three.
    const fast = new OutboxRelay({
      name: 'relay:test',
      store,
      checkpoints,
      map,
      publisher: new FlakyPublisher(),
    });
    expect(await fast.runOnce()).toBe(3);
    broker.acknowledge?.();
    expect(await late).toBe(2);
    expect(await checkpoints.get('relay:test')).toEqual({
      transactionId: events[2].transactionId,
      globalPosition: events[2].globalPosition,
    });
  });

  it("reports its lag: events after the checkpoint and the oldest one's age", async () => {
    const relay = new OutboxRelay({
      name: 'relay:lag',
      store,
      checkpoints,
      map,
      publisher: new FlakyPublisher(),
    });
    expect(await relay.lag()).toEqual({ events: 0, seconds: 0 });
    await append(8, ['HardshipCaseOpened', 'CaseNoteAdded']);
    expect(await relay.lag()).toMatchObject({ events: 2 });
    await relay.runOnce();
    expect(await relay.lag()).toEqual({ events: 0, seconds: 0 });
  });

  it('runs in the background, backs off while the broker is away, and loses nothing', async () => {
    const publisher = new FlakyPublisher(2);
    const relay = new OutboxRelay({
      name: 'relay:loop',
      store,
      checkpoints,
      publisher,
      map,
      idleMs: 20,
      log,
    });
    relay.start();
    const first = await append(4, ['HardshipCaseOpened']);
    relay.nudge();
    await waitFor(() => relay.status().lastError === 'broker unavailable');
    expect(relay.status()).toMatchObject({ running: true, published: 0 });

    await waitFor(() => publisher.batches.length > 0);
    const second = await append(5, ['HardshipCaseOpened']);
    relay.nudge();
    await waitFor(() => publisher.eventIds.includes(second[0].eventId));
    await relay.stop();

    expect(publisher.eventIds).toEqual([first[0].eventId, second[0].eventId]);
    expect(relay.status()).toMatchObject({ running: false, published: 2 });
    expect(relay.status().lastError).toBeUndefined();
    expect(relay.status().lastPublishedAt).toBeInstanceOf(Date);
    expect(logs.filter((l) => l.message.startsWith('outbox relay failed'))).toHaveLength(2);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
