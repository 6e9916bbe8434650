import request from 'supertest';
import { sealLog } from '@union/event-store';
import { idNumberWithCheckChar } from '@union/kernel';
import { signDevToken, type Role } from '@union/platform';
import { EMBEDDED_DEV_SECRETS, type VerifyStreamLine } from '@union/runtime';
import { startEmbeddedPlatform, type EmbeddedPlatform } from './embedded-platform';

/**
 * The audit routes the console's auditor screens read (docs/api-changes.md, issue 17), through the
 * gateway of the embedded platform (three services on PGlite): the streamed verification (NDJSON
 * progress, then the result; a row altered in the service's database named by position, stream
 * and version; removed newest events named by their seal), "as decided" with the policy in force,
 * the evidence export and the seal list.
 */
describe('audit routes for the console (embedded platform)', () => {
  let platform: EmbeddedPlatform;
  let auditor: string;
  let caseworker: string;
  let admin: string;
  let caseId: string;
  const H = '/api/v1/audit/hardship-cases';
  const idNumber = idNumberWithCheckChar('11010519790412003');

  const token = (sub: string, roles: Role[], units: string[]) =>
    signDevToken(EMBEDDED_DEV_SECRETS.jwtSecret, { sub, roles, units }, 600);
  const gw = () => request(platform.gatewayUrl);

  /** The streamed verification's lines, each parsed, with the time it arrived. */
  async function streamed(
    path: string,
  ): Promise<{ status: number; type: string; lines: VerifyStreamLine[] }> {
    const res = await fetch(`${platform.gatewayUrl}${path}`, {
      headers: { authorization: `Bearer ${auditor}` },
    });
    const text = await res.text();
    const lines = res.ok
      ? text
          .split('\n')
          .filter((l) => l !== '')
          .map((l) => JSON.parse(l) as VerifyStreamLine)
      : [];
    return { status: res.status, type: res.headers.get('content-type') ?? '', lines };
  }

  beforeAll(async () => {
    platform = await startEmbeddedPlatform({ gatewayPort: 0, env: { LOG_LEVEL: 'silent' } });
    [auditor, caseworker, admin] = await Promise.all([
      token('au-1', ['auditor'], ['*']),
      token('cw-8', ['caseworker'], ['u-8']),
      token('admin-8', ['admin'], ['*']),
    ]);
    // A region policy published, then a case opened under it and visited.
    await gw()
      .put('/api/v1/hardship/policies/regions/110106')
      .auth(admin, { type: 'bearer' })
      .send({ minimumLivingStandardFen: 100_000, relativeMultiplierBp: 15_000 })
      .expect(200);
    const opened = await gw()
      .post('/api/v1/hardship/cases')
      .auth(caseworker, { type: 'bearer' })
      .send({
        person: { idNumber, name: '钱秀兰' },
        unitId: 'u-8',
        regionCode: '110106',
        household: { size: 2, monthlyIncomeFen: 180_000 },
        causes: ['illness'],
        channel: 'walk_in',
        consent: { documentRef: '工帮授〔2026〕0001号', signedOn: '2026-01-05' },
      })
      .expect(201);
    caseId = opened.body.caseId as string;
    await gw()
      .post(`/api/v1/hardship/cases/${caseId}/visits`)
      .auth(caseworker, { type: 'bearer' })
      .send({ visitedOn: '2026-03-02', visitor: '李敏', findings: '老人住院，需照料。' })
      .expect(201);
  });
  afterAll(() => platform?.stop());

  it('streams the verification as NDJSON: started, progress, then the same answer as verify', async () => {
    const res = await streamed(`${H}/verify/stream`);
    expect(res.status).toBe(200);
    expect(res.type).toContain('application/x-ndjson');
    const [started, ...rest] = res.lines;
    expect(started).toMatchObject({ type: 'started', service: 'hardship-cases', fromPosition: 1 });
    const result = rest[rest.length - 1];
    expect(rest.slice(0, -1).every((l) => l.type === 'progress')).toBe(true);
    expect(rest.length).toBeGreaterThan(1);
    const paged = (await gw().get(`${H}/verify`).auth(auditor, { type: 'bearer' }).expect(200))
      .body as object;
    expect(result).toEqual({ type: 'result', ...paged });
    expect(result).toMatchObject({ valid: true });
  });

  it('refuses bad input before streaming, and anyone but auditors and admins', async () => {
    const bad = await gw()
      .get(`${H}/verify/stream?fromPosition=9&toPosition=2`)
      .auth(auditor, { type: 'bearer' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    const anchor = await gw().get(`${H}/verify/stream?anchor=1:abc`).auth(auditor, { type: 'bearer' });
    expect(anchor.status).toBe(400);
    const cw = await gw().get(`${H}/verify/stream`).auth(caseworker, { type: 'bearer' });
    expect(cw.status).toBe(403);
  });

  it('answers "as decided": the record before the decision, after it, and the region policy then in force', async () => {
    const res = await gw()
      .get(`${H}/streams/case-${caseId}/as-decided?version=1`)
      .auth(auditor, { type: 'bearer' })
      .expect(200);
    expect(res.body).toMatchObject({
      service: 'hardship-cases',
      streamId: `case-${caseId}`,
      decision: { version: 1, type: 'HardshipCaseOpened', metadata: { policyVersion: '110106-1' } },
      before: null,
      after: { version: 1, state: { status: 'open', tier: 'deep' } },
      policy: {
        kind: 'region-policy',
        policyVersion: '110106-1',
        source: { streamId: 'policy-110106', version: 1 },
        terms: { minimumLivingStandardFen: 100_000, relativeMultiplierBp: 15_000, relativeLineFen: 150_000 },
      },
    });
    const visit = await gw()
      .get(`${H}/streams/case-${caseId}/as-decided?version=2`)
      .auth(auditor, { type: 'bearer' })
      .expect(200);
    expect(visit.body).toMatchObject({ before: { version: 1 }, after: { version: 2 } });
    const missing = await gw()
      .get(`${H}/streams/case-${caseId}/as-decided?version=9`)
      .auth(auditor, { type: 'bearer' });
    expect(missing.status).toBe(404);
    const none = await gw().get(`${H}/streams/case-${caseId}/as-decided`).auth(auditor, { type: 'bearer' });
    expect(none.status).toBe(400);
  });

  it('exports the evidence as JSON and CSV downloads naming the offline check', async () => {
    const json = await gw()
      .get(`${H}/streams/case-${caseId}/export?format=json`)
      .auth(auditor, { type: 'bearer' })
      .expect(200);
    expect(json.headers['content-disposition']).toBe(
      `attachment; filename="hardship-cases-case-${caseId}.json"`,
    );
    expect(json.body).toMatchObject({
      service: 'hardship-cases',
      streamId: `case-${caseId}`,
      exportedBy: 'au-1',
      offlineCheck: `npm run audit -- check-export hardship-cases-case-${caseId}.json`,
    });
    expect((json.body as { events: unknown[] }).events).toHaveLength(2);
    const csv = await gw()
      .get(`${H}/streams/case-${caseId}/export?format=csv`)
      .auth(auditor, { type: 'bearer' })
      .expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = csv.text.trim().split('\r\n');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('prevHash,hash,data,metadata');
    const bad = await gw()
      .get(`${H}/streams/case-${caseId}/export?format=xlsx`)
      .auth(auditor, { type: 'bearer' });
    expect(bad.status).toBe(400);
  });

  it('names removed newest events by their seal, and an event altered in the database by position, stream and version', async () => {
    const db = platform.services['hardship-cases'].infra.dataSource;
    await sealLog(db);
    const seals = await gw().get(`${H}/seals`).auth(auditor, { type: 'bearer' }).expect(200);
    expect(seals.body).toMatchObject({ page: 1, total: 1, items: [{ sealId: 1 }] });
    await db.query(`ALTER TABLE events DISABLE TRIGGER USER`);
    try {
      // The newest event (the visit) removed: no chain breaks, the seal does.
      const [{ last }] = await db.query<{ last: string }[]>(
        `SELECT max(global_position) AS last FROM events`,
      );
      await db.query(`DELETE FROM events WHERE global_position = $1`, [last]);
      let result = (await streamed(`${H}/verify/stream`)).lines.at(-1);
      expect(result).toMatchObject({
        type: 'result',
        valid: false,
        seals: { valid: false, firstInvalid: { sealId: 1, globalPosition: Number(last) } },
      });
      expect(result).not.toHaveProperty('firstInvalid');

      const [{ global_position: position }] = await db.query<{ global_position: string }[]>(
        `SELECT global_position FROM events WHERE stream_id = $1 AND version = 1`,
        [`case-${caseId}`],
      );
      await db.query(
        `UPDATE events SET data = jsonb_set(data, '{household,monthlyIncomeFen}', '90000') WHERE global_position = $1`,
        [position],
      );
      result = (await streamed(`${H}/verify/stream`)).lines.at(-1);
      expect(result).toMatchObject({
        type: 'result',
        valid: false,
        firstInvalid: {
          globalPosition: Number(position),
          streamId: `case-${caseId}`,
          version: 1,
          reason: 'hash does not match the event content (altered)',
        },
      });
    } finally {
      await db.query(`ALTER TABLE events ENABLE TRIGGER USER`);
    }
  });
});
