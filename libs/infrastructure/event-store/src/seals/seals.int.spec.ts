import { createPostgresTestDatabase, createTestDatabase, type TestDatabase } from '../testing';
import { EventStore } from '../event-store';
import { eventHash } from '../hash-chain';
import { verifyLog } from '../verify';
import { connectionOf, inlineReader, workerReader } from '../verify/batch-reader';
import { readSeals, sealLog } from './seal';
import { Sealer } from './sealer';

/**
 * Tampering with the log by SQL, as an insider with the trigger disabled would. On PGlite (one
 * connection, so verify reads on its own thread) and on PostgreSQL (where workers read too).
 */
describe.each([
  ['PGlite', () => createTestDatabase()],
  ['PostgreSQL', () => createPostgresTestDatabase()],
])('seals and verify: tampering is named by position (%s)', (kind, open) => {
  let db: TestDatabase;
  let store: EventStore;
  const sql = (text: string, params: unknown[] = []) => db.dataSource.query(text, params);

  beforeAll(async () => {
    db = await open();
    store = new EventStore(db.dataSource);
  });
  afterAll(() => db.close());
  beforeEach(async () => {
    await sql(`ALTER TABLE events ENABLE TRIGGER events_append_only`);
    await sql(`ALTER TABLE seals ENABLE TRIGGER seals_append_only`);
    await sql(`TRUNCATE events, seals RESTART IDENTITY`);
  });
  const tamper = async (text: string) => {
    await sql(`ALTER TABLE events DISABLE TRIGGER events_append_only`);
    await sql(text);
  };

  /** Streams a, b, c of 3 events each, appended round-robin (positions 1..9), then sealed. */
  async function sealedLog(): Promise<void> {
    for (let v = 1; v <= 3; v++) {
      for (const s of ['a', 'b', 'c']) {
        await store.append(`thing-${s}`, [{ type: 'Happened', data: { s, v }, metadata: { actor: 'u1' } }], {
          expectedVersion: v === 1 ? 'no_stream' : v - 1,
        });
      }
    }
    expect(await sealLog(db.dataSource)).toMatchObject({
      sealId: 1,
      events: 9,
      eventCount: 9,
      upToPosition: 9,
    });
  }

  it('seals what committed since the last seal, chaining seals, and nothing when idle', async () => {
    await sealedLog();
    expect(await sealLog(db.dataSource)).toBeNull();
    await store.append('thing-d', [{ type: 'Happened', data: {} }], { expectedVersion: 'no_stream' });
    const second = await sealLog(db.dataSource);
    expect(second).toMatchObject({
      sealId: 2,
      fromPosition: 10,
      upToPosition: 10,
      events: 1,
      eventCount: 10,
    });
    const [first] = await readSeals(db.dataSource);
    expect(second).toMatchObject({ prevSealId: 1, prevHash: first.hash });
    expect(await verifyLog(db.dataSource)).toEqual({
      checked: 10,
      valid: true,
      seals: { checked: 2, valid: true, newest: { sealId: 2, hash: second?.hash } },
    });
    expect(await verifyLog(db.dataSource, { anchor: { sealId: 1, hash: first.hash } })).toMatchObject({
      valid: true,
    });
  });

  it('names an edited event by its hash', async () => {
    await sealedLog();
    await tamper(`UPDATE events SET data = '{"s":"b","v":999}' WHERE stream_id = 'thing-b' AND version = 2`);
    const report = await verifyLog(db.dataSource);
    expect(report.valid).toBe(false);
    expect(report.firstInvalid).toMatchObject({ globalPosition: 5, streamId: 'thing-b', version: 2 });
    expect(report.firstInvalid?.reason).toMatch(/altered/);
  });

  it('names an event removed from the middle of a stream by the version gap', async () => {
    await sealedLog();
    await tamper(`DELETE FROM events WHERE stream_id = 'thing-a' AND version = 2`);
    const report = await verifyLog(db.dataSource);
    expect(report.firstInvalid).toMatchObject({ globalPosition: 7, streamId: 'thing-a', version: 3 });
    expect(report.firstInvalid?.reason).toMatch(/version 2 of the stream is missing/);
    expect(report.seals.firstInvalid).toMatchObject({ sealId: 1 });
  });

  it('names a removed whole stream through the seal: the chain alone cannot see it', async () => {
    await sealedLog();
    await tamper(`DELETE FROM events WHERE stream_id = 'thing-b'`);
    const report = await verifyLog(db.dataSource);
    expect(report.firstInvalid).toBeUndefined();
    expect(report.valid).toBe(false);
    expect(report.seals.firstInvalid).toMatchObject({ sealId: 1, globalPosition: 9 });
    expect(report.seals.firstInvalid?.reason).toMatch(/9 events sealed in positions 1\.\.9, 6 found/);
  });

  it('names removed newest events by the highest sealed position', async () => {
    await sealedLog();
    await tamper(`DELETE FROM events WHERE global_position >= 8`);
    const report = await verifyLog(db.dataSource);
    expect(report.firstInvalid).toBeUndefined();
    expect(report.seals.firstInvalid).toMatchObject({ sealId: 1, globalPosition: 9 });
    expect(report.seals.firstInvalid?.reason).toMatch(/sealed event at position 9 is missing/);
  });

  it('catches a stream rewritten with recomputed hashes through the rolling hash', async () => {
    await sealedLog();
    const anchor = (await verifyLog(db.dataSource)).seals.newest;
    expect(anchor).toEqual({ sealId: 1, hash: (await readSeals(db.dataSource))[0].hash });
    const [row]: { prev_hash: string; recorded_at: Date; event_id: string }[] = await sql(
      `SELECT prev_hash, recorded_at, event_id FROM events WHERE stream_id = 'thing-c' AND version = 3`,
    );
    const forged = eventHash(row.prev_hash, {
      streamId: 'thing-c',
      streamType: 'thing',
      version: 3,
      eventId: row.event_id,
      type: 'Happened',
      schemaVersion: 1,
      data: { s: 'c', v: 1000 },
      metadata: { actor: 'u1' },
      recordedAt: new Date(row.recorded_at).toISOString(),
      personRef: null,
    });
    await tamper(
      `UPDATE events SET data = '{"s":"c","v":1000}', hash = '${forged}' WHERE stream_id = 'thing-c' AND version = 3`,
    );
    const report = await verifyLog(db.dataSource);
    expect(report.firstInvalid).toBeUndefined();
    expect(report.seals.firstInvalid).toMatchObject({ sealId: 1 });
    expect(report.seals.firstInvalid?.reason).toMatch(/rolling hash/);
    // Sealed again after the rewrite, the log is consistent with its own seals: only the anchor
    // the auditor kept outside the database tells.
    await sql(`ALTER TABLE seals DISABLE TRIGGER seals_append_only`);
    await sql(`DELETE FROM seals`);
    await sealLog(db.dataSource);
    expect(await verifyLog(db.dataSource)).toMatchObject({ valid: true });
    expect(await verifyLog(db.dataSource, { anchor })).toMatchObject({
      valid: false,
      seals: {
        firstInvalid: { sealId: 1, globalPosition: 9, reason: expect.stringMatching(/not the anchored one/) },
      },
    });
    expect(await verifyLog(db.dataSource, { anchor: { sealId: 7, hash: anchor?.hash ?? '' } })).toMatchObject(
      {
        valid: false,
        seals: { firstInvalid: { sealId: 7, reason: 'the anchored seal 7 is missing' } },
      },
    );
  });

  it('names an altered seal and a microsecond edit of recorded_at', async () => {
    await sealedLog();
    await sql(`ALTER TABLE seals DISABLE TRIGGER seals_append_only`);
    await sql(`UPDATE seals SET events = 8, event_count = 8`);
    expect((await verifyLog(db.dataSource)).seals.firstInvalid?.reason).toMatch(/seal hash/);
    await tamper(
      `UPDATE events SET recorded_at = recorded_at + interval '1 microsecond' WHERE global_position = 4`,
    );
    expect((await verifyLog(db.dataSource)).firstInvalid).toMatchObject({ globalPosition: 4 });
  });

  it('verifies a range starting mid-stream, looking the previous events up', async () => {
    await sealedLog();
    const report = await verifyLog(db.dataSource, { fromPosition: 5, toPosition: 8, batchSize: 2 });
    // The seal's events are not all in the range: only the chain is checked.
    expect(report).toEqual({
      checked: 4,
      valid: true,
      seals: { checked: 0, valid: true, newest: { sealId: 1, hash: expect.any(String) } },
    });
    await tamper(`DELETE FROM events WHERE global_position = 2`);
    expect((await verifyLog(db.dataSource, { fromPosition: 5 })).firstInvalid).toMatchObject({
      globalPosition: 5,
      reason: 'version 1 of the stream is missing',
    });
  });

  it('checks every seal a page touches whole when asked to (paged verification)', async () => {
    await sealedLog();
    await store.append('thing-d', [{ type: 'Happened', data: {} }], { expectedVersion: 'no_stream' });
    await sealLog(db.dataSource);
    // Stream b (positions 2, 5, 8) removed whole: its chain leaves no gap, only the seal can tell.
    await tamper(`DELETE FROM events WHERE stream_id = 'thing-b'`);
    const page = { fromPosition: 5, toPosition: 8 };
    expect(await verifyLog(db.dataSource, page)).toMatchObject({ valid: true, seals: { checked: 0 } });
    expect(await verifyLog(db.dataSource, { ...page, wholeSeals: true })).toMatchObject({
      valid: false,
      seals: { valid: false, firstInvalid: { sealId: 1, globalPosition: 9 } },
      verifiedRange: { fromPosition: 1, toPosition: 9 },
    });
    // The second seal (position 10) is untouched by the page, and checked by its own.
    expect(await verifyLog(db.dataSource, { fromPosition: 10, wholeSeals: true })).toMatchObject({
      valid: true,
      seals: { checked: 1 },
      verifiedRange: { fromPosition: 10 },
    });
  });

  it('hashes on worker threads with the same answer', async () => {
    await sealedLog();
    if (kind === 'PostgreSQL') {
      // The workers' own connections read and hash exactly what the calling thread would.
      const notThisThread = {
        read: () => Promise.reject(new Error('read on the calling thread')),
        close: () => Promise.resolve(),
      };
      const reader = workerReader(2, connectionOf(db.dataSource), notThisThread);
      try {
        await reader.allReady;
        const inline = await inlineReader(db.dataSource).read(2, 8);
        expect(inline.positions).toEqual([2, 3, 4, 5, 6, 7, 8]);
        expect(await reader.read(2, 8)).toEqual(inline);
      } finally {
        await reader.close();
      }
    }
    expect(await verifyLog(db.dataSource, { workers: 2, batchSize: 2 })).toEqual({
      checked: 9,
      valid: true,
      seals: { checked: 1, valid: true, newest: { sealId: 1, hash: expect.any(String) } },
    });
    await tamper(`UPDATE events SET metadata = '{"actor":"u2"}' WHERE global_position = 6`);
    expect((await verifyLog(db.dataSource, { workers: 1, batchSize: 4 })).firstInvalid).toMatchObject({
      globalPosition: 6,
    });
  });

  it('the sealer seals once more when stopped', async () => {
    const sealer = new Sealer(db.dataSource, { intervalMs: 60_000 });
    sealer.start();
    await store.append('thing-z', [{ type: 'Happened', data: {} }], { expectedVersion: 'no_stream' });
    await sealer.stop();
    expect(await readSeals(db.dataSource)).toMatchObject([{ sealId: 1, events: 1 }]);
  });
});
