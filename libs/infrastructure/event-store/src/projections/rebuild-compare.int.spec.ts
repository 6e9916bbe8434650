import { createTestDatabase, type TestDatabase } from '../testing';
import { EventStore } from '../event-store';
import {
  CounterSummary,
  CounterSummary1732300000001,
  counterSummaryProjection,
} from '../testing/counter.fixture';
import { rebuildAndCompare } from './rebuild-compare';

describe('rebuild and compare (PGlite)', () => {
  let db: TestDatabase;
  let store: EventStore;
  const sql = (text: string) => db.dataSource.query(text);
  const compare = (onProgress?: (done: number) => void) =>
    rebuildAndCompare(db.dataSource, store, [counterSummaryProjection], {
      batchSize: 4,
      onProgress,
    });

  beforeAll(async () => {
    db = await createTestDatabase({ migrations: [CounterSummary1732300000001], entities: [CounterSummary] });
    store = new EventStore(db.dataSource, { projections: [counterSummaryProjection] });
    for (let i = 1; i <= 5; i++) {
      await store.append(
        `counter-${i}`,
        [
          { type: 'CounterOpened', data: { name: `n${i}` } },
          { type: 'CounterBumped', data: { by: i } },
        ],
        { expectedVersion: 'no_stream' },
      );
    }
  });
  afterAll(() => db.close());

  it('finds a consistent read model equal, with progress, and leaves no shadow behind', async () => {
    const progress: number[] = [];
    const report = await compare((done) => progress.push(done));
    expect(report).toMatchObject({
      equal: true,
      events: 10,
      tables: [
        {
          table: 'counter_summary',
          liveRows: 5,
          rebuiltRows: 5,
          missing: 0,
          extra: 0,
          differing: 0,
          samples: [],
        },
      ],
    });
    expect(progress).toEqual([4, 8, 10]);
    expect(await sql(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'rebuild_shadow%'`)).toEqual([]);
  });

  it('reports a corrupted live row as differing, a deleted one as missing, a stray one as extra', async () => {
    await sql(`UPDATE counter_summary SET total = 999 WHERE id = 'counter-2'`);
    await sql(`DELETE FROM counter_summary WHERE id = 'counter-4'`);
    await sql(`INSERT INTO counter_summary VALUES ('counter-x', 'x', 0, 0, 1)`);
    const before = await sql(`SELECT * FROM counter_summary ORDER BY id`);
    const report = await compare();
    expect(report.equal).toBe(false);
    expect(report.tables[0]).toMatchObject({
      liveRows: 5,
      rebuiltRows: 5,
      missing: 1,
      extra: 1,
      differing: 1,
    });
    expect(report.tables[0].samples).toEqual([
      {
        kind: 'differing',
        key: { id: 'counter-2' },
        live: { id: 'counter-2', name: 'n2', total: 999, bumps: 1, version: 2 },
        rebuilt: { id: 'counter-2', name: 'n2', total: 2, bumps: 1, version: 2 },
      },
      {
        kind: 'missing',
        key: { id: 'counter-4' },
        live: null,
        rebuilt: expect.objectContaining({ total: 4 }),
      },
      {
        kind: 'extra',
        key: { id: 'counter-x' },
        live: expect.objectContaining({ name: 'x' }),
        rebuilt: null,
      },
    ]);
    // Live rows are left exactly as they were.
    expect(await sql(`SELECT * FROM counter_summary ORDER BY id`)).toEqual(before);
  });
});
