import {
  HARDSHIP,
  idNumberOf,
  openCaseBody,
  startHardshipHarness,
  type HardshipHarness,
} from '../testing/hardship.harness';
import { CaseQueries } from './case-queries.service';

/**
 * Idempotency-Key on a real service (docs/idempotency.md): answers are true after a failure on
 * either side of the commit, duplicates serialise on the key, and a replay is re-authorised.
 */
describe('idempotent writes of the hardship service', () => {
  let h: HardshipHarness;
  const caseCount = async () =>
    (await h.infra.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM case_summary`))[0].n;
  const failIdempotency = (when: string) =>
    h.infra.dataSource.query(`
      CREATE OR REPLACE FUNCTION fail_idempotency() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the test refuses this write to idempotency'; END $$;
      CREATE TRIGGER fail_idempotency ${when} ON idempotency FOR EACH ROW EXECUTE FUNCTION fail_idempotency();`);

  beforeAll(async () => {
    h = await startHardshipHarness();
  });
  afterAll(() => h.close());
  afterEach(() => h.infra.dataSource.query(`DROP TRIGGER IF EXISTS fail_idempotency ON idempotency`));

  it('tells a committed write the truth when its answer cannot be recorded, and replays the writes', async () => {
    const cw = await h.as('cw-1', ['caseworker'], ['u-1']);
    const body = openCaseBody(idNumberOf(201));
    await failIdempotency(`BEFORE UPDATE`);
    const first = await cw.post(`${HARDSHIP}/cases`).set('Idempotency-Key', 'open-201').send(body);
    // The case committed: the answer says so (before: 500 "nothing was changed", and a second case on retry).
    expect(first.status).toBe(201);
    const caseId = (first.body as { caseId: string }).caseId;
    await h.infra.dataSource.query(`DROP TRIGGER fail_idempotency ON idempotency`);
    const before = await caseCount();
    const again = await cw
      .post(`${HARDSHIP}/cases`)
      .set('Idempotency-Key', 'open-201')
      .send(body)
      .expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['idempotent-outcome']).toBe('committed');
    expect(again.body).toMatchObject({
      outcome: 'committed',
      writes: [{ streamId: `case-${caseId}`, version: 1 }],
    });
    expect(await caseCount()).toBe(before);
  });

  it('commits nothing when the key cannot be recorded with the command, and says so', async () => {
    const cw = await h.as('cw-1', ['caseworker'], ['u-1']);
    const body = openCaseBody(idNumberOf(202));
    const before = await caseCount();
    await failIdempotency(`BEFORE INSERT`);
    const failed = await cw
      .post(`${HARDSHIP}/cases`)
      .set('Idempotency-Key', 'open-202')
      .send(body)
      .expect(500);
    expect(failed.body.detail).toContain('nothing was changed');
    expect(await caseCount()).toBe(before);
    await h.infra.dataSource.query(`DROP TRIGGER fail_idempotency ON idempotency`);
    // No claim was left behind: the retry is decided afresh, not refused as "still being handled".
    const retried = await cw
      .post(`${HARDSHIP}/cases`)
      .set('Idempotency-Key', 'open-202')
      .send(body)
      .expect(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    expect(await caseCount()).toBe(before + 1);
  });

  it('answers a write that committed and then failed with what it committed', async () => {
    const cw = await h.as('cw-1', ['caseworker'], ['u-1']);
    // Fault injection after the commit: the read of the answer fails once.
    const spy = jest.spyOn(CaseQueries.prototype, 'current').mockRejectedValueOnce(new Error('read failed'));
    try {
      const res = await cw
        .post(`${HARDSHIP}/cases`)
        .set('Idempotency-Key', 'open-203')
        .send(openCaseBody(idNumberOf(203)))
        .expect(201);
      expect(res.body).toMatchObject({ outcome: 'committed', writes: [{ version: 1 }] });
    } finally {
      spy.mockRestore();
    }
  });

  it('serialises concurrent duplicates on the key: one case, the same answer twice', async () => {
    const cw = await h.as('cw-1', ['caseworker'], ['u-1']);
    const body = openCaseBody(idNumberOf(204));
    const before = await caseCount();
    const send = () => cw.post(`${HARDSHIP}/cases`).set('Idempotency-Key', 'open-204').send(body);
    const [a, b] = await Promise.all([send(), send()]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.caseId).toBe(b.body.caseId);
    expect([a.headers['idempotent-replayed'], b.headers['idempotent-replayed']].sort()).toEqual([
      'true',
      undefined,
    ]);
    expect(await caseCount()).toBe(before + 1);
  });

  it('re-authorises a replay: the same user without the unit, or the role, is refused as afresh', async () => {
    const body = openCaseBody(idNumberOf(205));
    const send = async (roles: Parameters<HardshipHarness['as']>[1], units: string[], sub = 'cw-1') =>
      (await h.as(sub, roles, units)).post(`${HARDSHIP}/cases`).set('Idempotency-Key', 'open-205').send(body);
    const first = await send(['caseworker'], ['u-1']);
    expect(first.status).toBe(201);
    const moved = await send(['caseworker'], ['u-2']);
    expect(moved.status).toBe(403);
    expect(moved.body).toMatchObject({ code: 'FORBIDDEN' });
    expect(moved.body.detail).toContain('unit u-1');
    expect((await send(['auditor'], ['u-1'])).status).toBe(403);
    // Another user's key is another key: decided afresh (the person has an open case now).
    const other = await send(['caseworker'], ['u-1'], 'cw-2');
    expect(other.status).toBe(409);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    const back = await send(['caseworker'], ['u-1']);
    expect(back.status).toBe(201);
    expect(back.body).toEqual(first.body);
  });

  it('answers 503, not 500, while the database is away, and says truly that nothing changed', async () => {
    const cw = await h.as('cw-1', ['caseworker'], ['u-1']);
    const opened = await cw
      .post(`${HARDSHIP}/cases`)
      .send(openCaseBody(idNumberOf(206)))
      .expect(201);
    const caseId = (opened.body as { caseId: string }).caseId;
    const close = () => cw.post(`${HARDSHIP}/cases/${caseId}/close`).send({ reason: 'moved_away' });
    await h.database.pause();
    try {
      const read = await cw.get(`${HARDSHIP}/cases/${caseId}`);
      expect(read.status).toBe(503);
      expect(read.body.code).toBe('SERVICE_UNAVAILABLE');
      expect(read.headers['retry-after']).toBe('5');
      const keyed = await close().set('Idempotency-Key', 'close-206');
      expect(keyed.status).toBe(503);
      expect(keyed.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      expect(keyed.body.detail).toContain('nothing was changed');
      const unkeyed = await close();
      expect(unkeyed.status).toBe(503);
      expect(unkeyed.body.detail).toContain('nothing was changed');
    } finally {
      await h.database.resume();
    }
    // It was true: the case is still open, and the retry with the key closes it.
    const retried = await close().set('Idempotency-Key', 'close-206').expect(200);
    expect(retried.body).toMatchObject({ caseId, status: 'closed' });
  });
});
