import { DomainError, type Decider } from '@union/kernel';
import { createPostgresTestDatabase, createTestDatabase, type TestDatabase } from './testing';
import { handleCommandsInBulk } from './bulk-commands';
import { handleCommand } from './command-handler';
import { WrongExpectedVersionError } from './errors';
import { EventStore } from './event-store';
import { eventHash } from './hash-chain';
import { verifyLog } from './verify';
import {
  counterDecider,
  CounterSummary,
  CounterSummary1732300000001,
  counterSummaryProjection,
  type CounterCommand,
  type CounterEvent,
  type CounterState,
} from './testing/counter.fixture';

/** The counter, refusing with a DomainError (a rule) where the fixture throws a plain Error. */
const ruled: Decider<CounterState, CounterCommand, CounterEvent> = {
  ...counterDecider,
  decide: (command, state) => {
    if (command.kind === 'bump' && !state.open) throw new DomainError('RULE_VIOLATION', 'not open');
    return counterDecider.decide(command, state);
  },
};
const bump = (by: number): CounterCommand => ({ kind: 'bump', by });
const metadata = { actor: 'bulk-test', correlationId: 'c-1' };

describe('handleCommandsInBulk (PGlite)', () => {
  let db: TestDatabase;
  let store: EventStore;

  beforeAll(async () => {
    db = await createTestDatabase({ migrations: [CounterSummary1732300000001], entities: [CounterSummary] });
    store = new EventStore(db.dataSource, { projections: [counterSummaryProjection] });
  });
  afterAll(() => db.close());

  const single = (streamId: string, command: CounterCommand, personRef?: string) =>
    handleCommand(store, ruled, command, { streamId, streamType: 'counter', metadata, personRef });
  const bulk = (commands: { streamId: string; command: CounterCommand; personRef?: string }[]) =>
    db.dataSource.transaction((tx) =>
      handleCommandsInBulk(store, ruled, commands, { streamType: 'counter', metadata, tx }),
    );
  const summary = (id: string) => db.dataSource.getRepository(CounterSummary).findOneBy({ id });

  it('stores what single appends store, chained to each stream head, so the log verifies', async () => {
    // A caller of single appends names the person on every event; the bulk takes the stream's own.
    for (const s of ['a', 'b']) {
      await single(`single-${s}`, { kind: 'open', name: s }, `ref-${s}`);
      await single(`single-${s}`, bump(2), `ref-${s}`);
      await single(`single-${s}`, bump(3), `ref-${s}`);
      await single(`bulk-${s}`, { kind: 'open', name: s }, `ref-${s}`);
    }
    const outcomes = await bulk([
      { streamId: 'bulk-a', command: bump(2) },
      { streamId: 'bulk-b', command: bump(2) },
    ]);
    expect(outcomes.map((o) => ('events' in o ? o.events.map((e) => e.version) : o))).toEqual([[2], [2]]);
    await bulk([
      { streamId: 'bulk-a', command: bump(3) },
      { streamId: 'bulk-b', command: bump(3) },
    ]);
    // A single append after the bulk chains on the bulk's hash.
    await single('bulk-a', bump(1), 'ref-a');
    await single('single-a', bump(1), 'ref-a');

    const content = (e: Awaited<ReturnType<EventStore['readStream']>>[number]) => ({
      version: e.version,
      type: e.type,
      data: e.data,
      schemaVersion: e.schemaVersion,
      streamType: e.streamType,
      personRef: e.personRef,
      metadata: e.metadata,
    });
    for (const s of ['a', 'b']) {
      const [viaSingle, viaBulk] = [
        await store.readStream(`single-${s}`),
        await store.readStream(`bulk-${s}`),
      ];
      expect(viaBulk.map(content)).toEqual(viaSingle.map(content));
      viaBulk.forEach((e, i) => {
        expect(e.prevHash).toBe(i === 0 ? null : viaBulk[i - 1].hash);
        // The stored hash is the hash of the stored fields, as an append computes it.
        const { streamId, streamType, version, eventId, type, schemaVersion, data } = e;
        const fields = { streamId, streamType, version, eventId, type, schemaVersion, data };
        expect(e.hash).toBe(
          eventHash(e.prevHash, {
            ...fields,
            metadata: e.metadata,
            recordedAt: e.recordedAt.toISOString(),
            personRef: e.personRef ?? null,
          }),
        );
      });
    }
    const report = await verifyLog(db.dataSource);
    expect(report).toMatchObject({ valid: true });
    expect(report.firstInvalid).toBeUndefined();
  });

  it('runs the inline projections on what it stored, in the same transaction', async () => {
    await single('proj-1', { kind: 'open', name: 'one' });
    await single('proj-2', { kind: 'open', name: 'two' });
    await bulk([
      { streamId: 'proj-1', command: bump(5) },
      { streamId: 'proj-2', command: bump(7) },
      { streamId: 'proj-3', command: { kind: 'open', name: 'three' }, personRef: 'ref-3' },
    ]);
    expect(await summary('proj-1')).toMatchObject({ total: 5, bumps: 1, name: 'one' });
    expect(await summary('proj-2')).toMatchObject({ total: 7, bumps: 1 });
    expect(await summary('proj-3')).toMatchObject({ total: 0, bumps: 0, name: 'three' });
    expect((await store.readStream('proj-3'))[0].personRef).toBe('ref-3');
    // Rolled back with the caller's transaction: neither the events nor the read model stay.
    await expect(
      db.dataSource.transaction(async (tx) => {
        await handleCommandsInBulk(store, ruled, [{ streamId: 'proj-1', command: bump(100) }], {
          streamType: 'counter',
          metadata,
          tx,
        });
        throw new Error('the caller fails after the bulk');
      }),
    ).rejects.toThrow('the caller fails');
    expect(await summary('proj-1')).toMatchObject({ total: 5, bumps: 1 });
    expect(await store.readStream('proj-1')).toHaveLength(2);
  });

  it('refuses one command on its rule and stores the others; any other error aborts the bulk', async () => {
    await single('rule-1', { kind: 'open', name: 'r' });
    const outcomes = await bulk([
      { streamId: 'rule-1', command: bump(1) },
      { streamId: 'rule-unopened', command: bump(1) },
    ]);
    expect('events' in outcomes[0] && outcomes[0].events).toHaveLength(1);
    expect(outcomes[1]).toMatchObject({ streamId: 'rule-unopened', refused: { code: 'RULE_VIOLATION' } });
    expect(await store.readStream('rule-unopened')).toEqual([]);
    const failing = db.dataSource.transaction((tx) =>
      handleCommandsInBulk(
        store,
        counterDecider, // throws a plain Error: not a rule, a fault
        [
          { streamId: 'rule-1', command: bump(1) },
          { streamId: 'rule-unopened', command: bump(1) },
        ],
        { streamType: 'counter', metadata, tx },
      ),
    );
    await expect(failing).rejects.toThrow('not open');
    expect(await store.readStream('rule-1')).toHaveLength(2);
    await expect(
      bulk([
        { streamId: 'rule-1', command: bump(1) },
        { streamId: 'rule-1', command: bump(1) },
      ]),
    ).rejects.toThrow('one command per stream');
  });
});

/**
 * A concurrent append needs two connections: real PostgreSQL. The other writer's version 2 is
 * inserted but not committed when the bulk reads (so the bulk decides on version 1 and inserts
 * its own version 2, waiting on the unique index); once the other writer commits, the bulk fails
 * whole with WrongExpectedVersionError, and a retry decides again on the fresh stream.
 */
describe('handleCommandsInBulk against a concurrent append (PostgreSQL)', () => {
  let db: TestDatabase;
  let store: EventStore;

  beforeAll(async () => {
    db = await createPostgresTestDatabase({
      migrations: [CounterSummary1732300000001],
      entities: [CounterSummary],
      poolMax: 4,
    });
    store = new EventStore(db.dataSource, { projections: [counterSummaryProjection] });
  });
  afterAll(() => db.close());

  it('fails the whole bulk on the conflicting stream; the retry decides on the fresh state', async () => {
    for (const id of ['race-a', 'race-b'])
      await handleCommand(
        store,
        ruled,
        { kind: 'open', name: id },
        { streamId: id, streamType: 'counter', metadata },
      );
    const other = db.dataSource.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    await handleCommand(store, ruled, bump(10), {
      streamId: 'race-b',
      streamType: 'counter',
      metadata,
      tx: other.manager,
    });
    const commands = [
      { streamId: 'race-a', command: bump(1) },
      { streamId: 'race-b', command: bump(1) },
    ];
    const run = () =>
      db.dataSource.transaction((tx) =>
        handleCommandsInBulk(store, ruled, commands, { streamType: 'counter', metadata, tx }),
      );
    const lost = run();
    const failed = lost.then(
      () => null,
      (error: unknown) => error,
    );
    // The bulk's insert waits on the other writer's uncommitted version 2 of race-b.
    for (let i = 0; i < 200; i++) {
      const [{ n }] = await db.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE 'INSERT INTO events%'`,
      );
      if (n > 0) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    await other.commitTransaction();
    await other.release();
    expect(await failed).toBeInstanceOf(WrongExpectedVersionError);
    // Nothing of the bulk stayed, not even on the stream nobody else wrote.
    expect((await store.readStream('race-a')).map((e) => e.type)).toEqual(['CounterOpened']);
    expect(await db.dataSource.getRepository(CounterSummary).findOneBy({ id: 'race-b' })).toMatchObject({
      total: 10,
    });

    const retried = await run();
    expect(retried.map((o) => ('events' in o ? o.events.map((e) => e.version) : o))).toEqual([[2], [3]]);
    expect(await db.dataSource.getRepository(CounterSummary).findOneBy({ id: 'race-b' })).toMatchObject({
      total: 11,
      bumps: 2,
    });
    expect((await verifyLog(db.dataSource)).valid).toBe(true);
  });
});
