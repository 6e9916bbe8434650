import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { createDatabase, dropDatabase } from '@union/event-store/testing';
import { hardshipCasesService } from '@union/hardship-cases/service';
import { seedOpenCases } from '@union/hardship-cases/service/testing';
import { addDays, idNumberWithCheckChar } from '@union/kernel';
import { InProcessBus } from '@union/messaging';
import {
  assertionPrivateKey,
  GATEWAY_ASSERTION_HEADER,
  signDevToken,
  signGatewayAssertion,
} from '@union/platform';
import { openServiceInfra } from '@union/runtime';
import { productionEnv, productionSecrets } from '@union/testing';
import { masterKeyFromEnv } from '@union/event-store';

const ROOT = resolve(__dirname, '../../..');
const TEST_APP = 'holiday-batch-e2e';
const SECRETS = productionSecrets();
const GATEWAY_KEY = assertionPrivateKey('gateway', SECRETS.assertionKeys.privateKey);
const HOUSEHOLDS = 3_000;
const AMOUNT_FEN = 80_000;
// Small chunks, so the run lasts long enough to be killed in the middle.
const CHUNK_SIZE = 20;
const PAID_ON = `${new Date().getUTCFullYear()}-12-20`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The n-th person: a valid identity number, distinct for every n below 14,600,000. */
const idOf = (n: number): string =>
  idNumberWithCheckChar(
    `630102${addDays('1970-01-01', n % 14_600).replace(/-/g, '')}${String(Math.floor(n / 14_600)).padStart(3, '0')}`,
  );

/**
 * Opens the households' cases before the service starts: `OpenCase` through the case decider and
 * the service's own projections, in bulk (as bench/holiday-batch.bench.ts does), with the person
 * refs the service computes. Over HTTP, a few thousand openings took most of the test's time.
 */
async function seedCases(url: string, count: number): Promise<string[]> {
  const infra = await openServiceInfra(
    hardshipCasesService,
    { kind: 'postgres', url, poolMax: 2 },
    { kind: 'in-process', bus: new InProcessBus() },
    // The key the service process is started with (productionEnv): both open one database.
    masterKeyFromEnv({ PERSONAL_DATA_MASTER_KEY: SECRETS.masterKey }, false),
  );
  try {
    return await seedOpenCases(infra, SECRETS.personRefSecret, {
      idOf,
      count,
      unitId: 'u-1',
      regionCode: '110105',
      actor: 'cw-e2e',
    });
  } finally {
    await infra.close();
  }
}

/**
 * Issue 15 on real PostgreSQL and Kafka: a holiday batch of a few thousand households run by the
 * hardship service as its own process, killed with SIGKILL in the middle of the run and started
 * again. The new process takes the `batches` leadership, continues the batch where the committed
 * chunks end, and finishes it: one `holiday` assistance per case, the fund's spending equal to the
 * batch's total to the fen, and an audit chain that still verifies.
 */
describe('a holiday batch killed mid-run continues after a restart (hardship-cases process)', () => {
  let url: string;
  let db: Client;
  let child: ChildProcess | undefined;
  const port = 3900 + Math.floor(Math.random() * 500);
  const logDir = join(ROOT, 'tmp', 'e2e-logs', `holiday-batch-${Date.now()}`);
  const tokens: Record<string, string> = {};
  let caseIds: string[] = [];

  async function start(): Promise<void> {
    mkdirSync(logDir, { recursive: true });
    const proc = spawn(process.execPath, ['-r', './tools/register.js', 'apps/hardship-cases/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...productionEnv('hardship-cases', SECRETS),
        HARDSHIP_CASES_PORT: String(port),
        DATABASE_URL_HARDSHIP_CASES: url,
        HARDSHIP_BATCH_CHUNK_SIZE: String(CHUNK_SIZE),
        HARDSHIP_BATCH_POLL_MS: '200',
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
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise((done) => {
      proc.once('exit', done);
      proc.kill('SIGKILL');
    });
  }

  /** The killed process's backends (and its advisory lock) end when the server notices: end them now. */
  const terminateService = () =>
    db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = current_database() AND application_name <> $1 AND pid <> pg_backend_pid()`,
      [TEST_APP],
    );

  /** Calls the service as the gateway does: the caller's token and the gateway's signed assertion. */
  async function call(
    as: string,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const authorization = `Bearer ${tokens[as]}`;
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: {
        authorization,
        [GATEWAY_ASSERTION_HEADER]: signGatewayAssertion(GATEWAY_KEY, {
          service: 'hardship-cases',
          method,
          url: path,
          authorization,
          correlationId: randomUUID(),
        }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }
  const expectStatus = async (
    status: number,
    answer: Promise<{ status: number; body: Record<string, unknown> }>,
  ) => {
    const got = await answer;
    if (got.status !== status)
      throw new Error(`expected ${status}, got ${got.status}: ${JSON.stringify(got.body)}`);
    return got.body;
  };

  beforeAll(async () => {
    for (const [sub, roles] of [
      ['cw-e2e', ['caseworker']],
      ['rv-e2e', ['reviewer']],
      ['admin-e2e', ['admin']],
      ['au-e2e', ['auditor']],
    ] as const) {
      tokens[sub] = await signDevToken(SECRETS.jwtSecret, { sub, roles: [...roles], units: ['u-1'] }, 3600);
    }
    url = await createDatabase('e2e_holiday_batch');
    caseIds = await seedCases(url, HOUSEHOLDS);
    await start();
    db = new Client({ connectionString: url, application_name: TEST_APP });
    db.on('error', () => undefined);
    await db.connect();
  });
  afterAll(async () => {
    await kill9();
    await db?.end();
    if (url) await dropDatabase(url);
  });

  it('records exactly one holiday assistance per household across a SIGKILL, and the fund agrees to the fen', async () => {
    // A case opened over HTTP too, as caseworkers open them: the batch includes it with the others.
    const opened = await expectStatus(
      201,
      call('cw-e2e', 'POST', '/api/v1/hardship/cases', {
        person: { idNumber: idOf(HOUSEHOLDS), name: '王建国' },
        unitId: 'u-1',
        regionCode: '110105',
        household: { size: 4, monthlyIncomeFen: 300_000 },
        causes: ['illness'],
        channel: 'walk_in',
        consent: { documentRef: '工帮授〔2026〕0001号', signedOn: '2026-01-05' },
      }),
    );
    caseIds.push(opened.caseId as string);
    const total = caseIds.length;
    const fund = await expectStatus(
      201,
      call('admin-e2e', 'POST', '/api/v1/hardship/funds', {
        name: '两节送温暖专项资金',
        year: Number(PAID_ON.slice(0, 4)),
        category: 'holiday',
        holderOrgId: 'u-1',
        amountFen: total * AMOUNT_FEN + 12_345,
      }),
    );
    const fundId = fund.fundId as string;
    const draft = await expectStatus(
      201,
      call('cw-e2e', 'POST', '/api/v1/hardship/holiday-batches', {
        name: '春节送温暖',
        orgId: 'u-1',
        fundId,
        tiers: ['deep'],
        amountsByTierFen: { deep: AMOUNT_FEN },
        paidOn: PAID_ON,
      }),
    );
    const batchId = draft.batchId as string;
    expect(draft).toMatchObject({
      status: 'draft',
      totals: { includedCount: total, totalFen: total * AMOUNT_FEN, excludedCount: 0 },
    });
    const batch = `/api/v1/hardship/holiday-batches/${batchId}`;
    const progress = async () =>
      (await expectStatus(200, call('rv-e2e', 'GET', batch))) as {
        status: string;
        progress: { recorded: number; total: number; recordedFen: number; unrecorded: number };
      };

    // Approved by a second person; the runner starts at once. Killed once part of it committed.
    expect(await expectStatus(200, call('rv-e2e', 'POST', `${batch}/approve`, {}))).toMatchObject({
      status: 'approved',
    });
    let atKill = 0;
    for (const deadline = Date.now() + 30_000; ; await sleep(20)) {
      if (Date.now() > deadline) throw new Error('the run never started');
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM holiday_batch_line WHERE batch_id = $1 AND status = 'recorded'`,
        [batchId],
      );
      atKill = rows[0].n;
      if (atKill > 0) break;
    }
    await kill9();
    await terminateService();
    const { rows: afterKill } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM holiday_batch_line WHERE batch_id = $1 AND status = 'recorded'`,
      [batchId],
    );
    expect(afterKill[0].n).toBeGreaterThan(0);
    expect(afterKill[0].n).toBeLessThan(total);
    expect(afterKill[0].n % CHUNK_SIZE).toBe(0); // whole chunks only
    const { rows: statusRows } = await db.query<{ status: string }>(
      `SELECT data->>'status' AS status FROM holiday_batch WHERE batch_id = $1`,
      [batchId],
    );
    expect(statusRows[0].status).toBe('running');

    await start();
    for (const deadline = Date.now() + 60_000; (await progress()).status !== 'done'; await sleep(200)) {
      if (Date.now() > deadline) throw new Error(`the batch did not finish (logs in ${logDir})`);
    }
    const done = await progress();
    expect(done.progress).toEqual({
      recorded: total,
      total,
      recordedFen: total * AMOUNT_FEN,
      unrecorded: 0,
      releasedFen: 0,
    });

    // The log: exactly one AssistanceRecorded of this batch on each case's stream.
    const { rows: perCase } = await db.query<{ stream_id: string; n: number }>(
      `SELECT stream_id, count(*)::int AS n FROM events
       WHERE type = 'AssistanceRecorded' AND data->>'batchId' = $1 GROUP BY stream_id`,
      [batchId],
    );
    expect(perCase).toHaveLength(total);
    expect(perCase.filter((r) => r.n !== 1)).toEqual([]);
    expect(new Set(perCase.map((r) => r.stream_id))).toEqual(new Set(caseIds.map((id) => `case-${id}`)));
    // The read model: one holiday row per case, drawn on the fund.
    const { rows: assistance } = await db.query<{ n: number; cases: number; fen: string }>(
      `SELECT count(*)::int AS n, count(DISTINCT case_id)::int AS cases, sum(amount_fen) AS fen
       FROM case_assistance WHERE category = 'holiday' AND fund_id = $1`,
      [fundId],
    );
    expect(assistance[0]).toEqual({ n: total, cases: total, fen: String(total * AMOUNT_FEN) });
    // The lines: each recorded once, under its own assistance; the chunks add up to the batch.
    const { rows: lineRows } = await db.query<{ status: string; n: number; ids: number }>(
      `SELECT status, count(*)::int AS n, count(DISTINCT assistance_id)::int AS ids
       FROM holiday_batch_line WHERE batch_id = $1 GROUP BY status`,
      [batchId],
    );
    expect(lineRows).toEqual([{ status: 'recorded', n: total, ids: total }]);
    const { rows: chunks } = await db.query<{ count: number; fen: string }>(
      `SELECT sum((data->>'recordedCount')::int)::int AS count, sum((data->>'recordedFen')::bigint) AS fen
       FROM events WHERE stream_id = $1 AND type = 'HolidayBatchChunkRecorded'`,
      [`holiday-batch-${batchId}`],
    );
    expect(chunks[0]).toEqual({ count: total, fen: String(total * AMOUNT_FEN) });

    // The fund: spent what the batch recorded, to the fen; nothing left reserved.
    expect(
      await expectStatus(200, call('admin-e2e', 'GET', `/api/v1/hardship/funds/${fundId}`)),
    ).toMatchObject({
      spentFen: done.progress.recordedFen,
      remainingFen: 12_345,
    });
    const verify = await expectStatus(200, call('au-e2e', 'GET', '/api/v1/audit/verify'));
    expect(verify.valid).toBe(true);
  });
});
