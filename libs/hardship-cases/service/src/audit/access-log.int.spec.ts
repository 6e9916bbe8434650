import {
  HARDSHIP,
  idNumberOf,
  openCase,
  refOf,
  startHardshipHarness,
  type Client,
  type HardshipHarness,
} from '../testing/hardship.harness';

const AUDIT = '/api/v1/audit';
const encodeAll = (text: string): string =>
  [...text].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join('');

interface Row {
  actor: string;
  roles: string[];
  units: string[] | null;
  path: string;
  query: Record<string, unknown> | null;
  subject: string | null;
  correlationId: string | null;
}

/**
 * Issue 13.7: every read of personal data by a principal beyond one unit's own work (auditors,
 * admins, tokens for every unit) is recorded with its query; a caseworker of named units reading
 * their own units' records is not; a read that cannot be recorded is not answered.
 */
describe('access log (hardship-cases, PGlite)', () => {
  let h: HardshipHarness;
  let auditor: Client;
  let caseId: string;
  const id = idNumberOf(811);

  beforeAll(async () => {
    h = await startHardshipHarness();
    auditor = await h.as('au-1', ['auditor'], []);
    caseId = await openCase(h, id);
  });
  afterAll(() => h.close());

  const rowsOf = async (actor: string): Promise<Row[]> => {
    const res = await auditor.get(`${AUDIT}/access-log?actor=${actor}&pageSize=50`).expect(200);
    return (res.body as { items: Row[] }).items;
  };

  it("records an admin's reads of audit streams and state, with the query asked", async () => {
    const admin = await h.as('admin-7', ['admin'], []);
    await admin.get(`${AUDIT}/streams/case-${caseId}/events?fromVersion=1`).expect(200);
    await admin.get(`${AUDIT}/streams/case-${caseId}/state?asOf=2030-01-01T00:00:00Z`).expect(200);
    const rows = await rowsOf('admin-7');
    expect(rows).toEqual([
      expect.objectContaining({
        roles: ['admin'],
        units: [],
        path: `${AUDIT}/streams/case-${caseId}/state`,
        query: { asOf: '2030-01-01T00:00:00Z' },
        subject: `case-${caseId}`,
      }),
      expect.objectContaining({ query: { fromVersion: '1' }, subject: `case-${caseId}` }),
    ]);
  });

  it('records list reads with their filters by a token for every unit, not by a caseworker of u-1', async () => {
    const everyUnit = await h.as('cw-all', ['caseworker'], ['*']);
    const ownUnit = await h.as('cw-own', ['caseworker'], ['u-1']);
    await everyUnit.get(`${HARDSHIP}/cases?status=open&unitId=u-1&page=1`).expect(200);
    await ownUnit.get(`${HARDSHIP}/cases?status=open&unitId=u-1`).expect(200);
    await ownUnit.get(`${HARDSHIP}/cases/${caseId}`).expect(200);
    expect(await rowsOf('cw-all')).toEqual([
      expect.objectContaining({
        roles: ['caseworker'],
        units: ['*'],
        path: `${HARDSHIP}/cases`,
        query: { status: 'open', unitId: 'u-1', page: '1' },
        subject: null,
      }),
    ]);
    expect(await rowsOf('cw-own')).toEqual([]);
  });

  it('masks identity numbers however encoded, in the path and in the query', async () => {
    const reader = await h.as('au-enc', ['auditor'], []);
    await reader
      .get(`${AUDIT}/people/${encodeAll(id.toLowerCase())}/events`)
      .set('x-correlation-id', 'corr-enc-1')
      .expect(200);
    await reader.get(`${HARDSHIP}/cases?unitId=${encodeAll(id).replace(/%/g, '%25')}`).expect(200);
    const [list, person] = await rowsOf('au-enc');
    const masked = `110105********${id.slice(14)}`;
    expect(person).toMatchObject({
      path: `${AUDIT}/people/${masked.toLowerCase()}/events`,
      subject: refOf(h, id),
      correlationId: 'corr-enc-1',
    });
    expect(list).toMatchObject({ path: `${HARDSHIP}/cases`, query: { unitId: masked } });
    const [{ text }]: { text: string }[] = await h.infra.dataSource.query(
      `SELECT string_agg(path || coalesce(query::text, ''), ' ') AS text FROM audit_access_log`,
    );
    expect(text).not.toContain(id.slice(6, 14));
  });

  it('fails a read closed (503, nothing of the record) when it cannot be recorded', async () => {
    await h.infra.dataSource.query(
      `ALTER TABLE audit_access_log ADD CONSTRAINT refuse_new_rows CHECK (false) NOT VALID`,
    );
    try {
      const refused = await auditor.get(`${HARDSHIP}/cases/${caseId}`).expect(503);
      expect(refused.body).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        detail: expect.stringMatching(/access log/) as string,
      });
      expect(refused.headers.etag).toBeUndefined();
      expect(refused.text).not.toContain(caseId);
      expect(refused.text).not.toContain('王建国');
    } finally {
      await h.infra.dataSource.query(`ALTER TABLE audit_access_log DROP CONSTRAINT refuse_new_rows`);
    }
    await auditor.get(`${HARDSHIP}/cases/${caseId}`).expect(200);
  });
});
