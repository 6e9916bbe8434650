import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { createDatabase, dropDatabase } from '@union/event-store/testing';
import { idNumberWithCheckChar } from '@union/kernel';
import {
  assertionPrivateKey,
  GATEWAY_ASSERTION_HEADER,
  signDevToken,
  signGatewayAssertion,
} from '@union/platform';
import { productionEnv, productionSecrets } from '@union/testing';

const ROOT = resolve(__dirname, '../../..');
const TEST_APP = 'idempotency-e2e';
// A production process's secrets; the test calls the service as the gateway does (with its assertion).
const SECRETS = productionSecrets();
const GATEWAY_KEY = assertionPrivateKey('gateway', SECRETS.assertionKeys.privateKey);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Issue 14 on real PostgreSQL and Kafka (docs/idempotency.md): the hardship service as its own
 * process, killed with SIGKILL or cut from its database at chosen points of a write. The test's
 * own connections hold the locks that stop the write there, and name themselves so they survive
 * the terminations.
 */
describe('idempotent writes across a crash and a lost database (hardship-cases process)', () => {
  let url: string;
  let db: Client;
  let child: ChildProcess | undefined;
  const port = 3400 + Math.floor(Math.random() * 500);
  const logDir = join(ROOT, 'tmp', 'e2e-logs', `idempotency-${Date.now()}`);
  let token: string;

  const connect = async () => {
    const c = new Client({ connectionString: url, application_name: TEST_APP });
    // A forced drop of the database at the end ends these connections too.
    c.on('error', () => undefined);
    await c.connect();
    return c;
  };

  async function start(): Promise<void> {
    mkdirSync(logDir, { recursive: true });
    const proc = spawn(process.execPath, ['-r', './tools/register.js', 'apps/hardship-cases/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...productionEnv('hardship-cases', SECRETS),
        HARDSHIP_CASES_PORT: String(port),
        DATABASE_URL_HARDSHIP_CASES: url,
      },
    });
    const log = createWriteStream(join(logDir, 'hardship-cases.log'), { flags: 'a' });
    proc.stdout.pipe(log);
    proc.stderr.pipe(log);
    child = proc;
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(200)) {
      if (proc.exitCode !== null) throw new Error(`the service exited (logs in ${logDir})`);
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined);
      if (ready?.status === 200) return;
    }
    throw new Error(`the service was not ready (logs in ${logDir})`);
  }

  async function kill9(): Promise<void> {
    const proc = child;
    if (!proc || proc.exitCode !== null) return;
    await new Promise((done) => {
      proc.once('exit', done);
      proc.kill('SIGKILL');
    });
  }

  /** The backends of the killed process live on until they next talk to it: end them. */
  const terminateService = (filter = 'true') =>
    db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = current_database() AND application_name <> $1 AND pid <> pg_backend_pid() AND ${filter}`,
      [TEST_APP],
    );

  /**
   * Waits until a backend of the service waits for a lock in a statement matching `like` (an
   * append may open with a `WITH` that checks the person's key: `%INSERT INTO events%`).
   */
  async function waitForBlocked(like: string): Promise<number> {
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; await sleep(50)) {
      const rows = await db.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
           AND application_name <> $1 AND query ILIKE $2`,
        [TEST_APP, like],
      );
      if (rows.rows[0]) return rows.rows[0].pid;
    }
    throw new Error(`no backend blocked in ${like}`);
  }

  const post = (path: string, body: unknown, key?: string) =>
    fetch(`http://127.0.0.1:${port}/api/v1/hardship${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        [GATEWAY_ASSERTION_HEADER]: signGatewayAssertion(GATEWAY_KEY, {
          service: 'hardship-cases',
          method: 'POST',
          url: `/api/v1/hardship${path}`,
          authorization: `Bearer ${token}`,
          correlationId: randomUUID(),
        }),
        'content-type': 'application/json',
        ...(key ? { 'idempotency-key': key } : {}),
      },
      body: JSON.stringify(body),
    }).then(async (res) => ({
      status: res.status,
      headers: res.headers,
      body: (await res.json()) as Record<string, unknown>,
    }));

  const person = (n: number) => idNumberWithCheckChar(`11010519800101${String(n).padStart(3, '0')}`);
  const openBody = (n: number) => ({
    person: { idNumber: person(n), name: '王建国' },
    unitId: 'u-1',
    regionCode: '110105',
    household: { size: 4, monthlyIncomeFen: 300_000 },
    causes: ['illness'],
    channel: 'walk_in',
    consent: { documentRef: '工帮授〔2026〕0001号', signedOn: '2026-01-05' },
  });
  const caseCount = async () =>
    Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM case_summary`)).rows[0].n);

  beforeAll(async () => {
    token = await signDevToken(
      SECRETS.jwtSecret,
      { sub: 'cw-e2e', roles: ['caseworker'], units: ['u-1'] },
      3600,
    );
    url = await createDatabase('e2e_idempotency');
    await start();
    db = await connect();
  });
  afterAll(async () => {
    await kill9();
    await db?.end();
    if (url) await dropDatabase(url);
  });

  it('a process killed inside its transaction: the retry is decided afresh, not refused for good', async () => {
    const locker = await connect();
    await locker.query(`BEGIN; LOCK TABLE events IN SHARE ROW EXCLUSIVE MODE`);
    const lost = post('/cases', openBody(301), 'crash-before-commit').catch(() => undefined);
    await waitForBlocked('%INSERT INTO events%');
    await kill9();
    await terminateService();
    await locker.query(`COMMIT`);
    await locker.end();
    await lost;
    await start();
    const before = await caseCount();
    const retried = await post('/cases', openBody(301), 'crash-before-commit');
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    const again = await post('/cases', openBody(301), 'crash-before-commit');
    expect(again).toMatchObject({ status: 201, body: retried.body });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await caseCount()).toBe(before + 1);
  });

  it('a process killed after its commit, before recording the answer: the retry learns it committed', async () => {
    await db.query(`
      CREATE OR REPLACE FUNCTION hold_answer() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_advisory_xact_lock_shared(4242); RETURN NEW; END $$;
      CREATE TRIGGER hold_answer BEFORE UPDATE ON idempotency FOR EACH ROW EXECUTE FUNCTION hold_answer();`);
    const locker = await connect();
    await locker.query(`SELECT pg_advisory_lock(4242)`);
    const before = await caseCount();
    const lost = post('/cases', openBody(302), 'crash-after-commit').catch(() => undefined);
    await waitForBlocked('%idempotency%');
    expect(await caseCount()).toBe(before + 1); // committed
    await kill9();
    await terminateService();
    await db.query(`DROP TRIGGER hold_answer ON idempotency`);
    await locker.end();
    await lost;
    await start();
    const retried = await post('/cases', openBody(302), 'crash-after-commit');
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.body).toMatchObject({ outcome: 'committed', writes: [{ version: 1 }] });
    expect(await caseCount()).toBe(before + 1);
  });

  it('the database lost inside the transaction: 503 OUTCOME_UNKNOWN, and the key tells the outcome', async () => {
    for (const [n, key] of [
      [303, undefined],
      [304, 'lost-in-transaction'],
    ] as const) {
      const locker = await connect();
      await locker.query(`BEGIN; LOCK TABLE events IN SHARE ROW EXCLUSIVE MODE`);
      const answer = post('/cases', openBody(n), key);
      const pid = await waitForBlocked('%INSERT INTO events%');
      await terminateService(`pid = ${pid}`);
      await locker.query(`COMMIT`);
      await locker.end();
      const lost = await answer;
      expect(lost.status).toBe(503);
      expect(lost.body.code).toBe('OUTCOME_UNKNOWN');
      expect(lost.body.detail).toContain(key ? 'same Idempotency-Key' : 'Look the record up');
    }
    const before = await caseCount();
    const retried = await post('/cases', openBody(304), 'lost-in-transaction');
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(await caseCount()).toBe(before + 1);
  });

  it('the database lost after the commit, while reading the answer: the answer is what committed', async () => {
    await db.query(`
      CREATE OR REPLACE FUNCTION hold_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_advisory_xact_lock_shared(4343); RETURN NEW; END $$;
      CREATE TRIGGER hold_write BEFORE INSERT ON idempotency FOR EACH ROW EXECUTE FUNCTION hold_write();`);
    const holder = await connect();
    await holder.query(`SELECT pg_advisory_lock(4343)`);
    const before = await caseCount();
    const answer = post('/cases', openBody(305), 'lost-after-commit');
    await waitForBlocked('%idempotency%');
    // Queued behind the write's own lock: granted at its commit, it then stops the answer's read.
    const reader = await connect();
    const locked = reader.query(`BEGIN; LOCK TABLE case_summary IN ACCESS EXCLUSIVE MODE`);
    await waitForBlockedTest('%LOCK TABLE case_summary%');
    await holder.query(`SELECT pg_advisory_unlock(4343)`);
    await locked;
    const pid = await waitForBlocked('SELECT%case_summary%');
    await terminateService(`pid = ${pid}`);
    await reader.query(`COMMIT`);
    await Promise.all([reader.end(), holder.end()]);
    await db.query(`DROP TRIGGER hold_write ON idempotency`);
    const committed = await answer;
    expect(committed.status).toBe(201);
    expect(committed.body).toMatchObject({ outcome: 'committed', writes: [{ version: 1 }] });
    expect(await caseCount()).toBe(before + 1);
  });

  it('serialises concurrent duplicates on real connections: one case, the same answer twice', async () => {
    const before = await caseCount();
    const [a, b] = await Promise.all([
      post('/cases', openBody(306), 'duplicates'),
      post('/cases', openBody(306), 'duplicates'),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.caseId).toBe(b.body.caseId);
    const replayed = [a, b].filter((r) => r.headers.get('idempotent-replayed') === 'true');
    expect(replayed).toHaveLength(1);
    expect(await caseCount()).toBe(before + 1);
  });

  /** Waits until the test's own connection waits for a lock in `like`. */
  async function waitForBlockedTest(like: string): Promise<void> {
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; await sleep(50)) {
      const rows = await db.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
           AND application_name = $1 AND query ILIKE $2`,
        [TEST_APP, like],
      );
      if (rows.rowCount) return;
    }
    throw new Error(`the test's ${like} never waited`);
  }
});
