import request from 'supertest';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import type { ServiceHarness } from '@union/testing';
import {
  actors,
  API,
  eventCount,
  idNumber,
  openPeriod,
  refOf,
  startMedicalAid,
} from '../testing/medical-aid.harness';

type Query = PostgresQueryRunner['query'];

/**
 * The connection is lost just as the enrollment commits: the COMMIT lands, the service hears
 * "Connection terminated". The statement that ends the enrollment is the COMMIT after its insert,
 * or the insert itself when it runs on its own.
 */
function loseConnectionAsEnrollmentCommits(): jest.SpyInstance {
  const real: Query = PostgresQueryRunner.prototype.query;
  const enrolling = new WeakSet<PostgresQueryRunner>();
  const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query').mockImplementation(async function (
    this: PostgresQueryRunner,
    ...args: Parameters<Query>
  ) {
    const [sql] = args;
    const inTransaction = this.isTransactionActive;
    const result: unknown = await real.apply(this, args);
    const isInsert = sql.includes('INSERT INTO events') && sql.includes('membership_summary');
    if (isInsert && inTransaction) enrolling.add(this);
    if ((isInsert && !inTransaction) || (sql === 'COMMIT' && enrolling.has(this))) {
      spy.mockRestore();
      throw new Error('Connection terminated unexpectedly');
    }
    return result;
  });
  return spy;
}

/**
 * Idempotency-Key on bulk enrollment (docs/idempotency.md, "Bulk enrollment"): the key's record
 * commits with the enrollment's events, so a failure on either side of the commit is answered
 * truly, and a retry reports the members its first attempt enrolled as enrolled, not duplicates.
 */
describe('idempotent bulk enrollment', () => {
  let h: ServiceHarness;
  let periodId: string;
  const members = (from: number, n: number) =>
    Array.from({ length: n }, (_, i) => ({
      idNumber: idNumber(from + i),
      name: `会员${i}`,
      hasBasicMedicalInsurance: true,
    }));
  const body = (from: number, n: number) => ({
    unitId: 'unit-1',
    paymentRef: 'PAY-1',
    members: members(from, n),
  });
  let auth: string;
  const send = (payload: object, key?: string) => {
    const req = request(h.http).post(`${API}/periods/${periodId}/enrollments`).set('Authorization', auth);
    return (key ? req.set('Idempotency-Key', key) : req).send(payload);
  };
  /** What a replay of a committed enrollment lists: each member's stream, at version 1. */
  const writesOf = (from: number, n: number) =>
    Array.from({ length: n }, (_, i) => `member-${periodId}-${refOf(idNumber(from + i))}`)
      .sort()
      .map((streamId) => ({ streamId, version: 1 }));
  const memberRows = async (from: number, n: number) => {
    const refs = Array.from({ length: n }, (_, i) => refOf(idNumber(from + i)));
    const [row]: { n: number }[] = await h.infra.dataSource.query(
      `SELECT count(*)::int AS n FROM membership_summary WHERE person_ref = ANY($1::text[])`,
      [refs],
    );
    return row.n;
  };
  /** Refuses writes to `idempotency` that match `when`: the key's record (status null) or the answer. */
  const failIdempotency = (when: string) =>
    h.infra.dataSource.query(`
      CREATE OR REPLACE FUNCTION fail_idempotency() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the test refuses this write to idempotency'; END $$;
      CREATE TRIGGER fail_idempotency BEFORE INSERT OR UPDATE ON idempotency
        FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION fail_idempotency();`);

  beforeAll(async () => {
    h = await startMedicalAid();
    periodId = await openPeriod(h);
    auth = await actors(h).caseworker(['unit-1']);
  });
  afterAll(() => h.close());
  afterEach(async () => {
    jest.restoreAllMocks();
    await h.infra.dataSource.query(`DROP TRIGGER IF EXISTS fail_idempotency ON idempotency`);
  });

  it('answers a lost connection after the commit with the members enrolled, not "nothing was changed"', async () => {
    const before = await eventCount(h);
    loseConnectionAsEnrollmentCommits();
    const first = await send(body(100, 5), 'enroll-100');
    expect(first.status).toBe(200);
    expect(first.headers['idempotent-outcome']).toBe('committed');
    expect(first.body).toMatchObject({ outcome: 'committed', writes: writesOf(100, 5) });
    expect(await eventCount(h)).toBe(before + 5);
    const again = await send(body(100, 5), 'enroll-100').expect(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toMatchObject({ outcome: 'committed', writes: writesOf(100, 5) });
    expect(await eventCount(h)).toBe(before + 5);
  });

  it('answers OUTCOME_UNKNOWN without a key when the connection is lost as the enrollment commits', async () => {
    loseConnectionAsEnrollmentCommits();
    const res = await send(body(200, 3));
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('OUTCOME_UNKNOWN');
    expect(res.body.detail).not.toContain('nothing was changed');
    // It was right not to say so: the three are enrolled.
    expect(await memberRows(200, 3)).toBe(3);
  });

  it('reports the members as enrolled by the key when the answer was lost after the commit', async () => {
    // The state a crash between the commit and recording the answer leaves: the answer is refused.
    await failIdempotency('NEW.status IS NOT NULL');
    const first = await send(body(300, 4), 'enroll-300').expect(200);
    expect(first.body).toEqual({
      enrolled: 4,
      duplicates: 0,
      waived: 0,
      rejected: [],
      duplicateIndexes: [],
      waivedIndexes: [],
    });
    await h.infra.dataSource.query(`DROP TRIGGER fail_idempotency ON idempotency`);
    const before = await eventCount(h);
    const retried = await send(body(300, 4), 'enroll-300').expect(200);
    // Before: a fresh decision, { enrolled: 0, duplicates: 4 }, as if someone else had enrolled them.
    expect(retried.headers['idempotent-outcome']).toBe('committed');
    expect(retried.body).toMatchObject({ outcome: 'committed', writes: writesOf(300, 4) });
    expect(await eventCount(h)).toBe(before);
  });

  it('enrolls nobody when the key cannot be recorded with the events, and the retry enrolls them all', async () => {
    const before = await eventCount(h);
    await failIdempotency('NEW.status IS NULL');
    const failed = await send(body(400, 4), 'enroll-400').expect(500);
    expect(failed.body.detail).toContain('nothing was changed');
    expect(await eventCount(h)).toBe(before);
    expect(await memberRows(400, 4)).toBe(0);
    await h.infra.dataSource.query(`DROP TRIGGER fail_idempotency ON idempotency`);
    const retried = await send(body(400, 4), 'enroll-400').expect(200);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    expect(retried.body).toEqual({
      enrolled: 4,
      duplicates: 0,
      waived: 0,
      rejected: [],
      duplicateIndexes: [],
      waivedIndexes: [],
    });
    expect(await memberRows(400, 4)).toBe(4);
  });

  it('gives two concurrent requests with one key the same answer: enrolled, not duplicates', async () => {
    const [a, b] = await Promise.all([send(body(500, 50), 'enroll-500'), send(body(500, 50), 'enroll-500')]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body).toEqual({
      enrolled: 50,
      duplicates: 0,
      waived: 0,
      rejected: [],
      duplicateIndexes: [],
      waivedIndexes: [],
    });
    expect(b.body).toEqual(a.body);
    expect(await memberRows(500, 50)).toBe(50);
  });
});
