import { createPostgresTestDatabase, type TestDatabase } from '../testing';
import {
  CounterSummary,
  CounterSummary1732300000001,
  counterSummaryProjection,
} from '../testing/counter.fixture';
import { EventStore } from '../event-store';
import { rebuildAndCompare } from '../projections/rebuild-compare';
import { verifyLog } from '../verify';
import { readSeals, sealLog } from './seal';

/** Seals and audit passes with real concurrent connections (PGlite serves one at a time). */
describe('seals, verify and rebuild-compare on real PostgreSQL', () => {
  let db: TestDatabase;
  let store: EventStore;

  beforeAll(async () => {
    db = await createPostgresTestDatabase({
      poolMax: 10,
      migrations: [CounterSummary1732300000001],
      entities: [CounterSummary],
    });
    store = new EventStore(db.dataSource, { projections: [counterSummaryProjection] });
  });
  afterAll(() => db.close());

  const open = (id: string) =>
    store.append(id, [{ type: 'CounterOpened', data: { name: id } }], { expectedVersion: 'no_stream' });

  it('never seals past an append still in flight, and seals it once committed', async () => {
    await open('counter-early');
    const late = db.dataSource.createQueryRunner();
    await late.connect();
    await late.startTransaction();
    // Takes its position first, commits last.
    await store.append('counter-late', [{ type: 'CounterOpened', data: { name: 'late' } }], {
      expectedVersion: 'no_stream',
      tx: late.manager,
    });
    await open('counter-after');
    const first = await sealLog(db.dataSource);
    expect(first).toMatchObject({ sealId: 1, events: 1, upToPosition: 1 });
    await late.commitTransaction();
    await late.release();
    const second = await sealLog(db.dataSource);
    expect(second).toMatchObject({ sealId: 2, fromPosition: 2, upToPosition: 3, events: 2, eventCount: 3 });
    expect(await verifyLog(db.dataSource)).toEqual({
      checked: 3,
      valid: true,
      seals: { checked: 2, valid: true, newest: { sealId: 2, hash: second?.hash } },
    });
  });

  it('rebuilds into a shadow, reading ahead on a second connection, and leaves live rows alone', async () => {
    for (let i = 0; i < 40; i++) await open(`counter-r${i}`);
    const compare = () =>
      rebuildAndCompare(db.dataSource, store, [counterSummaryProjection], { batchSize: 7 });
    expect(await compare()).toMatchObject({
      equal: true,
      events: 43,
      tables: [{ liveRows: 43, rebuiltRows: 43 }],
    });
    await db.dataSource.query(`UPDATE counter_summary SET total = 7 WHERE id = 'counter-r3'`);
    expect((await compare()).tables[0]).toMatchObject({
      differing: 1,
      samples: [{ key: { id: 'counter-r3' } }],
    });
    const [{ total }]: { total: number }[] = await db.dataSource.query(
      `SELECT total FROM counter_summary WHERE id = 'counter-r3'`,
    );
    expect(total).toBe(7);
  });

  it('names removed newest events through the last seal', async () => {
    expect((await sealLog(db.dataSource))?.sealId).toBe(3);
    const [, , last] = await readSeals(db.dataSource);
    await db.dataSource.query(`ALTER TABLE events DISABLE TRIGGER events_append_only`);
    await db.dataSource.query(`DELETE FROM events WHERE global_position > $1`, [last.upToPosition - 2]);
    await db.dataSource.query(`ALTER TABLE events ENABLE TRIGGER events_append_only`);
    const report = await verifyLog(db.dataSource);
    expect(report.firstInvalid).toBeUndefined();
    expect(report.seals.firstInvalid).toMatchObject({ sealId: 3, globalPosition: last.upToPosition });
  });
});
