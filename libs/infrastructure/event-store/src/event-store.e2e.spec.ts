import { createPostgresTestDatabase, type TestDatabase } from './testing';
import { EventStore } from './event-store';
import { WrongExpectedVersionError } from './errors';
import { START } from './types';

/**
 * Races need real connections: these run against the real PostgreSQL server (TEST_DATABASE_URL,
 * default the local one) in `npm run test:e2e`. PGlite serves one connection at a time.
 */
describe('EventStore under concurrency (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: EventStore;

  beforeAll(async () => {
    db = await createPostgresTestDatabase({ poolMax: 20 });
    store = new EventStore(db.dataSource);
  });
  afterAll(() => db.close());

  it('lets exactly one of many writers expecting the same version win', async () => {
    await store.append('race-1', [{ type: 'Opened', data: {} }], { expectedVersion: 'no_stream' });
    const results = await Promise.allSettled(
      Array.from({ length: 16 }, (_, i) =>
        store.append('race-1', [{ type: 'Bumped', data: { i } }], { expectedVersion: 1 }),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(15);
    for (const l of lost) expect(l.reason).toBeInstanceOf(WrongExpectedVersionError);
    expect((await store.readStream('race-1')).map((e) => e.version)).toEqual([1, 2]);
  });

  it('never skips an event whose transaction commits after a later one', async () => {
    const before = await store.readAll(START, 10000);
    const from = before.length
      ? {
          transactionId: before[before.length - 1].transactionId,
          globalPosition: before[before.length - 1].globalPosition,
        }
      : START;
    const slow = db.dataSource.createQueryRunner();
    await slow.connect();
    await slow.startTransaction();
    // The slow transaction takes the lower global position first…
    await store.append('late-1', [{ type: 'Slow', data: {} }], {
      expectedVersion: 'no_stream',
      tx: slow.manager,
    });
    // …a fast one appends after it and commits first.
    await store.append('late-2', [{ type: 'Fast', data: {} }], { expectedVersion: 'no_stream' });
    const fastRow: { global_position: string }[] = await db.dataSource.query(
      `SELECT global_position FROM events WHERE stream_id = 'late-2'`,
    );
    // A naive reader by position would now see the fast event and move past the slow one's slot.
    const naive: { stream_id: string }[] = await db.dataSource.query(
      `SELECT stream_id FROM events WHERE global_position > $1 ORDER BY global_position`,
      [from.globalPosition],
    );
    expect(naive.map((r) => r.stream_id)).toEqual(['late-2']);
    // The commit-order reader holds back until the slow transaction is over.
    expect(await store.readAll(from)).toEqual([]);
    await slow.commitTransaction();
    await slow.release();
    const after = await store.readAll(from);
    expect(after.map((e) => e.streamId)).toEqual(['late-1', 'late-2']);
    expect(after[0].globalPosition).toBeLessThan(Number(fastRow[0].global_position));
  });
});
