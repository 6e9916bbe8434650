import { createTestDatabase, type TestDatabase } from './testing';
import { EventStore } from './event-store';
import { handleCommand } from './command-handler';
import { IdempotencyKeyTakenError, IdempotencyStore, requestHash } from './idempotency';
import { IdempotencyAttempt, runAttempt } from './idempotency-attempt';
import {
  counterDecider,
  CounterSummary,
  CounterSummary1732300000001,
  counterSummaryProjection,
} from './testing/counter.fixture';

/** docs/idempotency.md: a key's record commits with the command's events, or not at all. */
describe('idempotency keys recorded in the command transaction (PGlite)', () => {
  let db: TestDatabase;
  let store: EventStore;
  let keys: IdempotencyStore;
  const hash = requestHash({ method: 'POST', path: '/counters', body: { a: 1 } });
  const attemptFor = (key: string, units: string[] = []) => {
    const attempt = new IdempotencyAttempt({ scope: 'svc:cw-1', key, requestHash: hash });
    units.forEach((u) => attempt.units.add(u));
    return attempt;
  };
  const open = (streamId: string) =>
    handleCommand(
      store,
      counterDecider,
      { kind: 'open', name: 'c' },
      {
        streamId,
        streamType: 'counter',
        metadata: {},
      },
    );
  const eventCount = async () =>
    (await db.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM events`))[0].n;

  beforeAll(async () => {
    db = await createTestDatabase({ migrations: [CounterSummary1732300000001], entities: [CounterSummary] });
    keys = new IdempotencyStore(db.dataSource);
  });
  afterAll(() => db.close());
  beforeEach(async () => {
    await db.dataSource.query(`TRUNCATE events, idempotency, counter_summary RESTART IDENTITY`);
    await db.dataSource.query(`DROP TRIGGER IF EXISTS fail_idempotency ON idempotency`);
    store = new EventStore(db.dataSource, { projections: [counterSummaryProjection] });
  });

  it('records the writes with the events, and the answer after; no key is held before the commit', async () => {
    const attempt = attemptFor('k1', ['u-1']);
    expect(await keys.find('svc:cw-1', 'k1')).toBeNull();
    await runAttempt(attempt, () => open('counter-1'));
    // Committed with the events, by this attempt, with its units; the answer is not there yet.
    expect(await keys.find('svc:cw-1', 'k1')).toMatchObject({
      requestHash: hash,
      attempt: attempt.id,
      units: ['u-1'],
      writes: [{ streamId: 'counter-1', version: 1 }],
      response: null,
    });
    expect(attempt.wrote).toBe(true);
    expect(await keys.complete(attempt, { status: 201, body: { id: 'counter-1' }, etag: '"1"' })).toBe(true);
    expect((await keys.find('svc:cw-1', 'k1'))?.response).toEqual({
      status: 201,
      body: { id: 'counter-1' },
      etag: '"1"',
    });
  });

  it('rolls the events back when the key cannot be recorded: "committed" always means "recorded"', async () => {
    await db.dataSource.query(`
      CREATE OR REPLACE FUNCTION fail_idempotency() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'recording refused by the test'; END $$`);
    await db.dataSource.query(`
      CREATE TRIGGER fail_idempotency BEFORE INSERT ON idempotency
      FOR EACH ROW EXECUTE FUNCTION fail_idempotency()`);
    // No projection handles this stream's events here: the append would be one plain INSERT.
    const bare = new EventStore(db.dataSource);
    await expect(
      runAttempt(attemptFor('k2'), () =>
        bare.append('counter-2', [{ type: 'CounterOpened', data: { name: 'c' } }], {
          expectedVersion: 'no_stream',
        }),
      ),
    ).rejects.toThrow(/recording refused/);
    expect(await eventCount()).toBe(0);
    expect(await keys.find('svc:cw-1', 'k2')).toBeNull();
  });

  it('leaves nothing of an attempt whose transaction rolled back: its retry is decided afresh', async () => {
    await expect(
      runAttempt(attemptFor('k3'), () =>
        db.dataSource.transaction(async (tx) => {
          await handleCommand(
            store,
            counterDecider,
            { kind: 'open', name: 'c' },
            {
              streamId: 'counter-3',
              streamType: 'counter',
              metadata: {},
              tx,
            },
          );
          throw new Error('the process dies before COMMIT');
        }),
      ),
    ).rejects.toThrow('the process dies');
    expect(await keys.find('svc:cw-1', 'k3')).toBeNull();
    await runAttempt(attemptFor('k3'), () => open('counter-3'));
    expect(await eventCount()).toBe(1);
  });

  it('refuses a second attempt with the same key in its transaction: its events are not stored', async () => {
    await runAttempt(attemptFor('k4'), () => open('counter-4a'));
    await expect(runAttempt(attemptFor('k4'), () => open('counter-4b'))).rejects.toBeInstanceOf(
      IdempotencyKeyTakenError,
    );
    expect(await store.readStream('counter-4b')).toEqual([]);
    expect((await keys.find('svc:cw-1', 'k4'))?.writes).toEqual([{ streamId: 'counter-4a', version: 1 }]);
  });

  it('gathers every append of one attempt, in one transaction or several', async () => {
    const attempt = attemptFor('k5');
    await runAttempt(attempt, async () => {
      await db.dataSource.transaction(async (tx) => {
        for (const streamId of ['counter-5a', 'counter-5b']) {
          await handleCommand(
            store,
            counterDecider,
            { kind: 'open', name: 'c' },
            {
              streamId,
              streamType: 'counter',
              metadata: {},
              tx,
            },
          );
        }
      });
      await handleCommand(
        store,
        counterDecider,
        { kind: 'bump', by: 2 },
        {
          streamId: 'counter-5a',
          streamType: 'counter',
          metadata: {},
        },
      );
    });
    expect((await keys.find('svc:cw-1', 'k5'))?.writes).toEqual([
      { streamId: 'counter-5a', version: 1 },
      { streamId: 'counter-5b', version: 1 },
      { streamId: 'counter-5a', version: 2 },
    ]);
    // The answer of this attempt is kept; another attempt's answer would not replace it.
    expect(await keys.complete(attemptFor('k5'), { status: 200, body: 'other' })).toBe(false);
    expect(await keys.complete(attempt, { status: 200, body: 'mine' })).toBe(true);
  });

  it('records nothing for appends outside an attempt, nor for an attempt without a key', async () => {
    await open('counter-6a');
    const unkeyed = new IdempotencyAttempt(null);
    await runAttempt(unkeyed, () => open('counter-6b'));
    expect(unkeyed.wrote).toBe(true);
    expect(
      (await db.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM idempotency`))[0].n,
    ).toBe(0);
  });
});
