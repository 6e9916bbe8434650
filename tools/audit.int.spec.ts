import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { sealLog } from '@union/event-store';
import { idNumberWithCheckChar } from '@union/kernel';
import { signDevToken } from '@union/platform';
import { EMBEDDED_DEV_SECRETS } from '@union/runtime';
import { startEmbeddedPlatform, type EmbeddedPlatform } from '../apps/standalone/src/embedded-platform';
import { main } from './audit';

/**
 * The auditor's CLI against the embedded platform (gateway + three services on PGlite): a case is
 * opened and visited through the gateway, then every command runs in-process as `npm run audit`
 * would, with its real HTTP calls, its output and its exit code checked. Tampering with a row in
 * the service's database makes `verify` fail and name the position.
 */
describe('npm run audit (embedded platform)', () => {
  let platform: EmbeddedPlatform;
  let dir: string;
  let caseId: string;
  const idNumber = idNumberWithCheckChar('11010519760315002');
  // The gateway assigns the correlation id (a client's is only its reference): read from the answer.
  let correlationId: string;

  async function audit(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      out: (t: string) => void out.push(t),
      err: (t: string) => void err.push(t),
      env: { AUDIT_GATEWAY_URL: platform.gatewayUrl },
      isTty: false,
    };
    const code = await main(argv, io);
    return { code, out: out.join(''), err: err.join('') };
  }

  beforeAll(async () => {
    platform = await startEmbeddedPlatform({ gatewayPort: 0, env: { LOG_LEVEL: 'silent' } });
    dir = await mkdtemp(join(tmpdir(), 'audit-cli-'));
    const token = await signDevToken(
      EMBEDDED_DEV_SECRETS.jwtSecret,
      { sub: 'cw-7', roles: ['caseworker'], units: ['u-7'] },
      600,
    );
    const opened = await request(platform.gatewayUrl)
      .post('/api/v1/hardship/cases')
      .auth(token, { type: 'bearer' })
      .set('x-correlation-id', `cli-story-${Date.now()}`)
      .send({
        person: { idNumber, name: '赵红' },
        unitId: 'u-7',
        regionCode: '110105',
        household: { size: 3, monthlyIncomeFen: 150000 },
        causes: ['illness'],
        channel: 'walk_in',
        consent: { documentRef: '工帮授〔2026〕0001号', signedOn: '2026-01-05' },
      })
      .expect(201);
    caseId = opened.body.caseId as string;
    correlationId = opened.headers['x-correlation-id'];
    await request(platform.gatewayUrl)
      .post(`/api/v1/hardship/cases/${caseId}/visits`)
      .auth(token, { type: 'bearer' })
      .send({ visitedOn: '2026-03-02', visitor: '李敏', findings: '家中老人住院。' })
      .expect(201);
  });
  afterAll(async () => {
    await platform?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('shows a stream history with actors, correlation ids and hashes, as a table and as JSON', async () => {
    const table = await audit('history', 'hardship-cases', `case-${caseId}`, '--dev-login');
    expect(table).toMatchObject({ code: 0, err: '' });
    expect(table.out).toContain('2 events');
    expect(table.out).toMatch(
      new RegExp(`HardshipCaseOpened\\s+cw-7\\s+\\S+\\s+${correlationId.slice(0, 8)}`),
    );
    const json = await audit('history', 'hardship-cases', `case-${caseId}`, '--dev-login', '--json');
    const events = (
      JSON.parse(json.out) as { events: { version: number; hash: string; prevHash: string | null }[] }
    ).events;
    expect(events.map((e) => e.version)).toEqual([1, 2]);
    expect(events[0].prevHash).toBeNull();
    expect(events[1].prevHash).toBe(events[0].hash);
  });

  it('shows the state as of a version and as of an instant', async () => {
    const v1 = await audit(
      'state',
      'hardship-cases',
      `case-${caseId}`,
      '--version',
      '1',
      '--dev-login',
      '--json',
    );
    expect(v1.code).toBe(0);
    expect(JSON.parse(v1.out)).toMatchObject({ version: 1, streamType: 'case' });
    const now = await audit(
      'state',
      'hardship-cases',
      `case-${caseId}`,
      '--as-of',
      new Date().toISOString(),
      '--dev-login',
    );
    expect(now.code).toBe(0);
    expect(now.out).toContain('at version 2');
    const both = await audit('state', 'hardship-cases', `case-${caseId}`, '--dev-login');
    expect(both.code).toBe(2);
    expect(both.err).toContain('exactly one of --as-of');
  });

  it("lists the person's timeline and the trace of the request's correlation id", async () => {
    const timeline = await audit('timeline', idNumber, '--dev-login');
    expect(timeline.code).toBe(0);
    expect(timeline.out).toMatch(/hardship-cases\s+case-\S+\s+1\s+HardshipCaseOpened/);
    expect(timeline.out).not.toContain(idNumber);
    const trace = await audit('trace', correlationId, '--dev-login', '--json');
    expect(trace.code).toBe(0);
    const types = (JSON.parse(trace.out) as { events: { service: string; type: string }[] }).events.map(
      (e) => `${e.service}:${e.type}`,
    );
    expect(types[0]).toBe('hardship-cases:HardshipCaseOpened');
  });

  it('rebuilds the read models into a shadow copy and finds them equal (admin)', async () => {
    const res = await audit('rebuild', '--compare', 'hardship-cases', '--dev-login');
    expect(res.code).toBe(0);
    expect(res.out).toContain('hardship-cases: EQUAL');
  });

  it('exports a history as JSON and CSV that check-export verifies offline, and catches an edited export', async () => {
    const res = await audit('export', 'hardship-cases', `case-${caseId}`, '--out', dir, '--dev-login');
    expect(res.code).toBe(0);
    const file = join(dir, `hardship-cases-case-${caseId}.json`);
    const csv = await readFile(join(dir, `hardship-cases-case-${caseId}.csv`), 'utf8');
    expect(csv.split('\r\n')[0]).toContain('version,globalPosition,eventId,type');
    expect(csv).toContain('HardshipCaseOpened');
    expect(await audit('check-export', file)).toMatchObject({ code: 0 });
    const doc = JSON.parse(await readFile(file, 'utf8')) as { events: { data: Record<string, unknown> }[] };
    doc.events[1].data = { ...doc.events[1].data, findings: '一切正常。' };
    const edited = join(dir, 'edited.json');
    await writeFile(edited, JSON.stringify(doc));
    const bad = await audit('check-export', edited);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('INVALID at version 2');
  });

  it("prints the newest seal to keep, and fails a verify anchored on a seal that is not the log's", async () => {
    await sealLog(platform.services['hardship-cases'].infra.dataSource);
    const first = await audit('verify', 'hardship-cases', '--dev-login');
    expect(first.code).toBe(0);
    const anchor = /newest seal (\d+:[0-9a-f]{64})/.exec(first.out)?.[1] ?? 'none printed';
    expect((await audit('verify', 'hardship-cases', '--dev-login', '--anchor', anchor)).code).toBe(0);
    const other = `${anchor.split(':')[0]}:${'0'.repeat(64)}`;
    const bad = await audit('verify', 'hardship-cases', '--dev-login', '--anchor', other);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('is not the anchored one');
    expect((await audit('verify', 'all', '--dev-login', '--anchor', anchor)).code).toBe(2);
    expect((await audit('verify', 'hardship-cases', '--dev-login', '--anchor', '1:xyz')).code).toBe(2);
  });

  it('verifies every log (exit 0), then names the position of a row edited in the database (exit 1)', async () => {
    const good = await audit('verify', 'all', '--dev-login', '--page-size', '3');
    expect(good.code).toBe(0);
    expect(good.out).toMatch(/hardship-cases: valid: \d+ events/);
    expect(good.err).toContain('verify hardship-cases'); // the progress lines
    const db = platform.services['hardship-cases'].infra.dataSource;
    const [{ global_position: position }] = await db.query<{ global_position: string }[]>(
      `SELECT global_position FROM events WHERE stream_id = $1 AND version = 2`,
      [`case-${caseId}`],
    );
    await db.query(`ALTER TABLE events DISABLE TRIGGER USER`);
    await db.query(
      `UPDATE events SET data = jsonb_set(data, '{findings}', '"一切正常。"') WHERE global_position = $1`,
      [position],
    );
    await db.query(`ALTER TABLE events ENABLE TRIGGER USER`);
    const bad = await audit('verify', 'hardship-cases', '--dev-login');
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`first break at position ${position} (case-${caseId} version 2)`);
    const json = await audit('verify', 'all', '--dev-login', '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ valid: false });
  });

  it('answers usage errors with exit 2 and API errors with exit 3', async () => {
    expect((await audit('history', 'payroll', 'x', '--dev-login')).code).toBe(2);
    expect((await audit('frobnicate')).code).toBe(2);
    expect((await audit('timeline', idNumber)).code).toBe(2); // no token and no --dev-login
    const missing = await audit(
      'history',
      'hardship-cases',
      'case-00000000-0000-4000-8000-000000000000',
      '--dev-login',
    );
    expect(missing.code).toBe(3);
    expect(missing.err).toContain('404');
  });
});
