import type { Decider } from '@union/kernel';
import { createTestDatabase, type TestDatabase } from '../testing';
import { EventStore } from '../event-store';
import { handleCommand } from '../command-handler';
import {
  counterDecider,
  type CounterCommand,
  type CounterEvent,
  type CounterState,
} from '../testing/counter.fixture';
import { dropSnapshots, readSnapshot, writeSnapshot } from './snapshots';
import { loadState } from './stream-state';

type Counter = Decider<CounterState, CounterCommand, CounterEvent>;
const every = (n: number, stateVersion = 1): Counter => ({
  ...counterDecider,
  snapshots: { stateVersion, every: n },
});
const context = (streamId: string) => ({ streamId, streamType: 'counter', metadata: {} });
const bump = (by: number): CounterCommand => ({ kind: 'bump', by });

describe('snapshots of long streams (PGlite)', () => {
  let db: TestDatabase;
  let store: EventStore;
  let errors: string[];

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());
  beforeEach(() => {
    errors = [];
    store = new EventStore(db.dataSource, { onSnapshotError: (e) => errors.push(String(e)) });
  });

  /** Opens `streamId` and bumps it by 1..n-1 with `decider`: n events, total n(n-1)/2. */
  async function counterOf(streamId: string, n: number, decider: Counter): Promise<void> {
    await handleCommand(store, decider, { kind: 'open', name: streamId }, context(streamId));
    for (let by = 1; by < n; by++) await handleCommand(store, decider, bump(by), context(streamId));
  }
  const snapshotOf = (streamId: string, stateVersion = 1) =>
    readSnapshot(db.dataSource.manager, streamId, stateVersion);
  const storedSnapshot = async (streamId: string) => {
    const snapshot = await snapshotOf(streamId);
    if (!snapshot) throw new Error(`${streamId} has no snapshot`);
    return snapshot;
  };

  it('writes a snapshot every N events and folds only the events after it', async () => {
    await counterOf('counter-s1', 23, every(10));
    expect(await snapshotOf('counter-s1')).toMatchObject({ version: 20, state: { open: true, total: 190 } });
    const loaded = await loadState(store, every(10), 'counter-s1');
    expect(loaded).toMatchObject({ version: 23, snapshotVersion: 20, state: { open: true, total: 253 } });
    const whole = await loadState(store, counterDecider, 'counter-s1');
    expect(whole).toMatchObject({ snapshotVersion: 0, state: loaded.state, headHash: loaded.headHash });
    expect(errors).toEqual([]);
  });

  it('ignores a snapshot of another state version (a changed evolve)', async () => {
    await counterOf('counter-s2', 12, every(5));
    // What version 1 of the evolve folded is no state for version 2: it is never read.
    await writeSnapshot(db.dataSource.manager, {
      ...(await storedSnapshot('counter-s2')),
      state: { open: true, total: 1_000_000 },
    });
    const loaded = await loadState(store, every(5, 2), 'counter-s2');
    expect(loaded).toMatchObject({ snapshotVersion: 0, state: { total: 66 } });
    await handleCommand(store, every(5, 2), bump(1), context('counter-s2'));
    expect(await snapshotOf('counter-s2', 2)).toMatchObject({ version: 13, state: { total: 67 } });
  });

  it('ignores a snapshot the log does not hold (wrong hash, ahead of the log) and replaces it', async () => {
    await counterOf('counter-s3', 8, every(5));
    const good = await storedSnapshot('counter-s3');
    const wrong = { open: true, total: -1 };
    for (const bad of [
      { ...good, hash: 'f'.repeat(64), state: wrong },
      { ...good, version: 99, state: wrong },
    ]) {
      await writeSnapshot(db.dataSource.manager, bad);
      expect(await loadState(store, every(5), 'counter-s3')).toMatchObject({
        version: 8,
        snapshotVersion: 0,
        state: { total: 28 },
      });
    }
    // Ignored means due: the next command writes a good one over it.
    await handleCommand(store, every(5), bump(2), context('counter-s3'));
    expect(await snapshotOf('counter-s3')).toMatchObject({ version: 9, state: { total: 30 } });
  });

  it('ignores a snapshot its codec cannot read', async () => {
    const strict: Counter = {
      ...counterDecider,
      snapshots: {
        stateVersion: 1,
        every: 3,
        codec: {
          encode: (s) => [s.open, s.total],
          decode: (json) => {
            if (!Array.isArray(json)) throw new Error('not a counter');
            return { open: json[0] === true, total: Number(json[1]) };
          },
        },
      },
    };
    await counterOf('counter-s4', 4, strict);
    expect(await snapshotOf('counter-s4')).toMatchObject({ version: 3, state: [true, 3] });
    expect(await loadState(store, strict, 'counter-s4')).toMatchObject({
      snapshotVersion: 3,
      state: { total: 6 },
    });
    await writeSnapshot(db.dataSource.manager, {
      ...(await storedSnapshot('counter-s4')),
      state: { total: 5 },
    });
    expect(await loadState(store, strict, 'counter-s4')).toMatchObject({
      snapshotVersion: 0,
      state: { total: 6 },
    });
  });

  it('decides the same with snapshots, without them, and after they were all deleted', async () => {
    const cached = every(4);
    await counterOf('counter-s5', 30, cached);
    await counterOf('counter-s6', 30, counterDecider);
    const [a, b] = await Promise.all([
      loadState(store, cached, 'counter-s5'),
      loadState(store, counterDecider, 'counter-s6'),
    ]);
    expect(a.snapshotVersion).toBe(28);
    expect(a.state).toEqual(b.state);
    expect(await dropSnapshots(db.dataSource, 'counter-s5')).toBe(1);
    expect(await loadState(store, cached, 'counter-s5')).toMatchObject({
      snapshotVersion: 0,
      state: b.state,
    });
    await handleCommand(store, cached, bump(1), context('counter-s5'));
    expect(await snapshotOf('counter-s5')).toMatchObject({ version: 31, state: { total: 436 } });
    expect(await dropSnapshots(db.dataSource)).toBeGreaterThan(0);
    expect(await db.dataSource.query(`SELECT * FROM snapshots`)).toEqual([]);
  });

  it('never fails a command over a snapshot: inside a transaction the write is rolled back alone', async () => {
    // PostgreSQL refuses \u0000 in jsonb: the snapshot write fails in the database.
    const unwritable: Counter = {
      ...counterDecider,
      snapshots: {
        stateVersion: 1,
        every: 1,
        codec: { encode: () => ({ name: '\u0000' }), decode: () => ({ open: true, total: 0 }) },
      },
    };
    await db.dataSource.transaction(async (tx) => {
      await handleCommand(store, unwritable, { kind: 'open', name: 'x' }, { ...context('counter-s7'), tx });
      await handleCommand(store, unwritable, bump(5), { ...context('counter-s7'), tx });
    });
    await handleCommand(store, unwritable, bump(6), context('counter-s7'));
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/unicode|\\u0000/i);
    expect(await snapshotOf('counter-s7')).toBeNull();
    expect(await loadState(store, counterDecider, 'counter-s7')).toMatchObject({
      version: 3,
      state: { total: 11 },
    });
  });

  it('rolls a snapshot back with the transaction that wrote it', async () => {
    await counterOf('counter-s8', 2, every(3));
    await expect(
      db.dataSource.transaction(async (tx) => {
        await handleCommand(store, every(3), bump(7), { ...context('counter-s8'), tx });
        expect(await readSnapshot(tx, 'counter-s8', 1)).toMatchObject({ version: 3 });
        throw new Error('the rest of the command failed');
      }),
    ).rejects.toThrow('the rest of the command failed');
    expect(await snapshotOf('counter-s8')).toBeNull();
    expect(await loadState(store, every(3), 'counter-s8')).toMatchObject({ version: 2, state: { total: 1 } });
  });
});
