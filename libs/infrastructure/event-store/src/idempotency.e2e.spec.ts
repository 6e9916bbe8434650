import { createPostgresTestDatabase, type TestDatabase } from './testing';
import { EventStore } from './event-store';
import { IdempotencyKeyTakenError, IdempotencyStore, requestHash } from './idempotency';
import { IdempotencyAttempt, runAttempt } from './idempotency-attempt';

/**
 * Concurrent duplicates of one key on real connections (docs/idempotency.md): the second
 * attempt's transaction waits on the key's unique index for the first, then rolls back if the
 * first committed, or goes on if it rolled back. No lease, no "in progress" state.
 */
describe('an idempotency key under concurrency (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: EventStore;
  const hash = requestHash({ method: 'POST', path: '/x', body: {} });
  const attempt = (key: string) => new IdempotencyAttempt({ scope: 'svc:u', key, requestHash: hash });
  const opened = [{ type: 'Opened', data: {} }];

  beforeAll(async () => {
    db = await createPostgresTestDatabase({ poolMax: 5 });
    store = new EventStore(db.dataSource);
  });
  afterAll(() => db.close());

  /** The first attempt's transaction, holding its key until `finish` says commit or roll back. */
  function firstAttempt(key: string, streamId: string) {
    let finish: (commit: boolean) => void = () => undefined;
    const decided = new Promise<boolean>((r) => (finish = r));
    let appended: () => void = () => undefined;
    const holding = new Promise<void>((r) => (appended = r));
    const done = runAttempt(attempt(key), () =>
      db.dataSource.transaction(async (tx) => {
        await store.append(streamId, opened, { expectedVersion: 'no_stream', tx });
        appended();
        if (!(await decided)) throw new Error('rolled back');
      }),
    ).catch((e: Error) => e.message);
    return { holding, finish, done };
  }

  const settledWithin = (p: Promise<unknown>, ms: number) =>
    Promise.race([
      p.then(
        () => true,
        () => true,
      ),
      new Promise((r) => setTimeout(() => r(false), ms)),
    ]);

  it('makes the duplicate wait for the first, then refuses it when the first committed', async () => {
    const first = firstAttempt('k1', 'a-1');
    await first.holding;
    const second = runAttempt(attempt('k1'), () =>
      store.append('a-2', opened, { expectedVersion: 'no_stream' }),
    );
    expect(await settledWithin(second, 300)).toBe(false); // waiting on the key
    first.finish(true);
    await expect(second).rejects.toBeInstanceOf(IdempotencyKeyTakenError);
    expect(await store.readStream('a-2')).toEqual([]);
    expect((await new IdempotencyStore(db.dataSource).find('svc:u', 'k1'))?.writes).toEqual([
      { streamId: 'a-1', version: 1 },
    ]);
  });

  it('lets the duplicate go on when the first rolled back', async () => {
    const first = firstAttempt('k2', 'b-1');
    await first.holding;
    const second = runAttempt(attempt('k2'), () =>
      store.append('b-2', opened, { expectedVersion: 'no_stream' }),
    );
    expect(await settledWithin(second, 300)).toBe(false);
    first.finish(false);
    expect(await first.done).toBe('rolled back');
    await expect(second).resolves.toMatchObject({ nextVersion: 1 });
    expect((await new IdempotencyStore(db.dataSource).find('svc:u', 'k2'))?.writes).toEqual([
      { streamId: 'b-2', version: 1 },
    ]);
  });
});
