import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from './testing';
import { EventStore } from './event-store';
import { Checkpoints } from './checkpoints';
import { Inbox } from './inbox';
import { Upcasters } from './upcasters';
import { WrongExpectedVersionError } from './errors';
import { verifyLog } from './verify';
import { handleCommand } from './command-handler';
import { rebuildProjections } from './projections/rebuild';
import { START } from './types';
import {
  counterDecider,
  CounterSummary,
  CounterSummary1732300000001,
  counterSummaryProjection,
} from './testing/counter.fixture';

describe('EventStore on Postgres (PGlite)', () => {
  let db: TestDatabase;
  let store: EventStore;

  beforeAll(async () => {
    db = await createTestDatabase({ migrations: [CounterSummary1732300000001], entities: [CounterSummary] });
  });
  afterAll(() => db.close());
  beforeEach(async () => {
    await db.dataSource.query(
      `TRUNCATE events, checkpoints, inbox, idempotency, counter_summary RESTART IDENTITY`,
    );
    store = new EventStore(db.dataSource, { projections: [counterSummaryProjection] });
  });

  const bumped = (by: number) => ({ type: 'CounterBumped', data: { by } });
  const opened = (name = 'c') => ({ type: 'CounterOpened', data: { name } });

  it('appends with no_stream, exact and any expected versions, chaining hashes', async () => {
    const first = await store.append('counter-1', [opened()], { expectedVersion: 'no_stream' });
    const second = await store.append('counter-1', [bumped(2), bumped(3)], { expectedVersion: 1 });
    const third = await store.append('counter-1', [bumped(4)], { expectedVersion: 'any' });
    expect([first.nextVersion, second.nextVersion, third.nextVersion]).toEqual([1, 3, 4]);
    const events = await store.readStream('counter-1');
    expect(events.map((e) => e.version)).toEqual([1, 2, 3, 4]);
    expect(events[0].prevHash).toBeNull();
    for (let i = 1; i < events.length; i++) expect(events[i].prevHash).toBe(events[i - 1].hash);
    expect(events[0].streamType).toBe('counter');
  });

  it('refuses a stale expected version: of two writers expecting the same version one wins', async () => {
    await store.append('counter-2', [opened()], { expectedVersion: 'no_stream' });
    await store.append('counter-2', [bumped(1)], { expectedVersion: 1 });
    const loser = store.append('counter-2', [bumped(1)], { expectedVersion: 1 });
    await expect(loser).rejects.toBeInstanceOf(WrongExpectedVersionError);
    // Outside a transaction the error also says where the stream is.
    await expect(
      new EventStore(db.dataSource).append('counter-2', [opened()], { expectedVersion: 'no_stream' }),
    ).rejects.toMatchObject({ actual: 2 });
    await expect(store.append('counter-2', [bumped(1)], { expectedVersion: 5 })).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
    expect(await store.version(undefined, 'counter-2')).toBe(2);
  });

  it('stores an event id once: appending it again changes nothing', async () => {
    const plain = new EventStore(db.dataSource);
    const eventId = randomUUID();
    await plain.append('counter-3', [{ ...opened(), eventId }], { expectedVersion: 'any' });
    const again = await plain.append('counter-3', [{ ...opened(), eventId }], { expectedVersion: 'any' });
    expect(again.alreadyStored).toBe(true);
    const [{ count }] = await db.dataSource.query(
      `SELECT count(*)::int AS count FROM events WHERE event_id = $1`,
      [eventId],
    );
    expect(count).toBe(1);
  });

  it('reads a stream from a version, up to a version and as of an instant', async () => {
    let now = new Date('2026-01-01T00:00:00.000Z');
    const timed = new EventStore(db.dataSource, { clock: { now: () => now } });
    await timed.append('counter-4', [opened()], { expectedVersion: 'no_stream' });
    now = new Date('2026-02-01T00:00:00.000Z');
    await timed.append('counter-4', [bumped(1), bumped(2)], { expectedVersion: 1 });
    now = new Date('2026-03-01T00:00:00.000Z');
    await timed.append('counter-4', [bumped(3)], { expectedVersion: 3 });
    const v = async (o: Parameters<EventStore['readStream']>[1]) =>
      (await timed.readStream('counter-4', o)).map((e) => e.version);
    expect(await v({ fromVersion: 2 })).toEqual([2, 3, 4]);
    expect(await v({ toVersion: 2 })).toEqual([1, 2]);
    expect(await v({ asOf: new Date('2026-02-15T00:00:00.000Z') })).toEqual([1, 2, 3]);
    expect((await timed.readStream('counter-4'))[3].recordedAt.toISOString()).toBe(
      '2026-03-01T00:00:00.000Z',
    );
  });

  it('reads all events in commit order from a checkpoint, and keeps checkpoints', async () => {
    await store.append('counter-5', [opened()], { expectedVersion: 'no_stream' });
    await store.append('counter-6', [opened(), bumped(1)], { expectedVersion: 'no_stream' });
    const all = await store.readAll(START);
    expect(all.map((e) => `${e.streamId}@${e.version}`)).toEqual([
      'counter-5@1',
      'counter-6@1',
      'counter-6@2',
    ]);
    const checkpoints = new Checkpoints(db.dataSource);
    expect(await checkpoints.get('relay')).toEqual(START);
    await checkpoints.set('relay', {
      transactionId: all[0].transactionId,
      globalPosition: all[0].globalPosition,
    });
    const rest = await store.readAll(await checkpoints.get('relay'));
    expect(rest.map((e) => e.globalPosition)).toEqual([all[1].globalPosition, all[2].globalPosition]);
  });

  it('upcasts old schema versions when reading, leaving the stored event and its hash alone', async () => {
    const plain = new EventStore(db.dataSource);
    await plain.append('counter-7', [{ type: 'CounterBumped', schemaVersion: 1, data: { amount: 5 } }], {
      expectedVersion: 'no_stream',
    });
    const upcasters = new Upcasters().register('CounterBumped', 1, (d) => ({
      by: (d as { amount: number }).amount,
    }));
    const upcasting = new EventStore(db.dataSource, { upcasters });
    const [event] = await upcasting.readStream('counter-7');
    expect(event).toMatchObject({ schemaVersion: 2, data: { by: 5 } });
    expect(upcasters.currentVersion('CounterBumped')).toBe(2);
    expect((await verifyLog(db.dataSource)).valid).toBe(true);
  });

  it('verify reports the first altered or missing event by position', async () => {
    await store.append('counter-8', [opened(), bumped(1), bumped(2)], { expectedVersion: 'no_stream' });
    await store.append('counter-9', [opened(), bumped(5)], { expectedVersion: 'no_stream' });
    expect(await verifyLog(db.dataSource)).toEqual({
      checked: 5,
      valid: true,
      seals: { checked: 0, valid: true },
    });
    await db.dataSource.query(`ALTER TABLE events DISABLE TRIGGER events_append_only`);
    await db.dataSource.query(
      `UPDATE events SET data = '{"by": 500}' WHERE stream_id = 'counter-9' AND version = 2`,
    );
    const altered = await verifyLog(db.dataSource);
    expect(altered.firstInvalid).toMatchObject({ globalPosition: 5, streamId: 'counter-9', version: 2 });
    expect(altered.firstInvalid?.reason).toMatch(/altered/);
    await db.dataSource.query(`DELETE FROM events WHERE stream_id = 'counter-8' AND version = 2`);
    const removed = await verifyLog(db.dataSource);
    expect(removed.firstInvalid).toMatchObject({ globalPosition: 3, streamId: 'counter-8', version: 3 });
    expect(removed.firstInvalid?.reason).toMatch(/missing/);
    expect((await verifyLog(db.dataSource, { fromPosition: 4, toPosition: 4 })).valid).toBe(true);
    await db.dataSource.query(`ALTER TABLE events ENABLE TRIGGER events_append_only`);
  });

  it('refuses to update or delete an event while the append-only trigger stands', async () => {
    await store.append('counter-10', [opened()], { expectedVersion: 'no_stream' });
    await expect(db.dataSource.query(`DELETE FROM events`)).rejects.toThrow(/append-only/);
  });

  it('updates the inline projection in the append transaction; applying twice changes nothing', async () => {
    await store.append('counter-11', [opened('eleven'), bumped(2)], { expectedVersion: 'no_stream' });
    await store.append('counter-11', [bumped(3)], { expectedVersion: 2 });
    const repo = db.dataSource.getRepository(CounterSummary);
    const live = await repo.findOneByOrFail({ id: 'counter-11' });
    expect(live).toMatchObject({ name: 'eleven', total: 5, bumps: 2, version: 3 });
    const events = await store.readStream('counter-11');
    await counterSummaryProjection.apply(events, db.dataSource.manager);
    await counterSummaryProjection.apply(events.slice(1), db.dataSource.manager);
    expect(await repo.findOneByOrFail({ id: 'counter-11' })).toEqual(live);
  });

  it('rolls the append back when the projection fails', async () => {
    const failing = new EventStore(db.dataSource, {
      projections: [
        {
          name: 'broken',
          handles: ['CounterOpened'],
          tables: [],
          apply: () => Promise.reject(new Error('boom')),
        },
      ],
    });
    await expect(failing.append('counter-12', [opened()], { expectedVersion: 'no_stream' })).rejects.toThrow(
      'boom',
    );
    expect(await store.readStream('counter-12')).toEqual([]);
  });

  it('rebuilds a projection from the log with the same rows as the live one', async () => {
    for (let i = 0; i < 30; i++) {
      await handleCommand(
        store,
        counterDecider,
        { kind: 'open', name: `n${i}` },
        { streamId: `counter-r${i}`, streamType: 'counter', metadata: {} },
      );
      await handleCommand(
        store,
        counterDecider,
        { kind: 'bump', by: i },
        { streamId: `counter-r${i}`, streamType: 'counter', metadata: {} },
      );
    }
    const repo = db.dataSource.getRepository(CounterSummary);
    const live = await repo.find({ order: { id: 'ASC' } });
    const progress: number[] = [];
    const report = await rebuildProjections(db.dataSource, store, [counterSummaryProjection], {
      batchSize: 7,
      onProgress: (done) => progress.push(done),
    });
    expect(report.events).toBe(60);
    expect(progress[progress.length - 1]).toBe(60);
    expect(await repo.find({ order: { id: 'ASC' } })).toEqual(live);
  });

  it('handles commands: decides on the folded state, retries a stale read, honours If-Match', async () => {
    const ctx = {
      streamId: 'counter-13',
      streamType: 'counter',
      metadata: { actor: 'u1', correlationId: 'c-1' },
    };
    await handleCommand(store, counterDecider, { kind: 'open', name: 'x' }, ctx);
    const result = await handleCommand(store, counterDecider, { kind: 'bump', by: 4 }, ctx);
    expect(result).toMatchObject({ version: 2, state: { open: true, total: 4 } });
    expect(result.events[0].metadata).toEqual({ actor: 'u1', correlationId: 'c-1' });
    await expect(
      handleCommand(store, counterDecider, { kind: 'bump', by: 1 }, { ...ctx, ifMatch: 1 }),
    ).rejects.toBeInstanceOf(WrongExpectedVersionError);
    // A writer that read version 2 and lost the race decides again on version 3.
    const racing = new EventStore(db.dataSource, { projections: [counterSummaryProjection] });
    const original = racing.readStream.bind(racing);
    let sneaked = false;
    racing.readStream = async (id, o) => {
      const events = await original(id, o);
      if (!sneaked) {
        sneaked = true;
        await store.append(id, [bumped(10)], { expectedVersion: 'any' });
      }
      return events;
    };
    const retried = await handleCommand(racing, counterDecider, { kind: 'bump', by: 1 }, ctx);
    expect(retried).toMatchObject({ version: 4, state: { total: 15 } });
  });

  it('records inbox entries once per consumer and event', async () => {
    await db.dataSource.transaction(async (tx) => {
      expect(await Inbox.tryRecord(tx, 'grants', 'e-1')).toBe(true);
      expect(await Inbox.tryRecord(tx, 'grants', 'e-1')).toBe(false);
      expect(await Inbox.tryRecord(tx, 'medical', 'e-1')).toBe(true);
    });
  });
});
