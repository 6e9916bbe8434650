import 'reflect-metadata';
import { createHash, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { DataSource } from 'typeorm';
import {
  EMBEDDED_MASTER_KEY,
  EventStore,
  handleCommandsInBulk,
  loadState,
  rebuildProjections,
  verifyLog,
  type BulkCommand,
  type NewEvent,
} from '@union/event-store';
import { createDatabase, dropDatabase } from '@union/event-store/testing';
import {
  caseDecider,
  caseStreamId,
  policyInForce,
  policyStreamId,
  regionPolicyDecider,
  type CaseCommand,
} from '@union/hardship-cases/domain';
import { hardshipCasesService } from '@union/hardship-cases/service';
import { chinaToday, idNumberWithCheckChar, maskIdNumber, parseIdNumber, personRef } from '@union/kernel';
import { InProcessBus } from '@union/messaging';
import { openServiceInfra, type ServiceInfra } from '@union/runtime';
import { startEmbeddedPlatform } from '../apps/standalone/src/embedded-platform';
import {
  bearer,
  call,
  eventually,
  expectCall,
  TODAY,
} from '../apps/standalone/src/testing/platform-client.fixture';
import { campaignBody, claimBody, periodBody } from '../apps/standalone/src/testing/platform-world.fixture';
import { writeBenchmarkSection } from './benchmarks-md';
import { quantile } from './quantile';

/**
 * `npm run bench:personal-data` on the local PostgreSQL (TEST_DATABASE_URL), issue 18's four
 * figures, each the sealed side beside the plain side in the same run, in alternating rounds (so
 * whatever else the shared machine does weighs on both alike):
 *
 * - appends of hardship events with personal fields (a case opened: its person's key created;
 *   a visit on it: the key read), through an EventStore that seals beside one that does not;
 * - verify, and a rebuild of every hardship read model, over a log of BENCH_PD_CASES case files
 *   (opened, visited twice, paired, closed: the service's deciders and projections, in bulk),
 *   stored once sealed and once in plain in two databases;
 * - erasing one person across the three programmes through the gateway of the embedded platform
 *   with its services on PostgreSQL, among BENCH_PD_PEOPLE people each with a case, a disbursed
 *   grant and a paid claim.
 */
const APPENDS = Number(process.env.BENCH_PD_APPENDS ?? 4000);
const CASES = Number(process.env.BENCH_PD_CASES ?? 20_000);
const PEOPLE = Number(process.env.BENCH_PD_PEOPLE ?? 60);
const ERASURES = Number(process.env.BENCH_PD_ERASURES ?? 10);
const ROUNDS = 10;
const APPENDS_ONLY = process.env.BENCH_PART === 'appends';
const PASS_ROUNDS = 3;
const REGION = '110105';

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;
const ratio = (a: number, b: number) => Math.round((a * 100) / b) / 100;

async function timed(
  count: number,
  concurrency: number,
  work: (i: number) => Promise<unknown>,
): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) await work(i);
    }),
  );
  return seconds(started);
}

/** The n-th person of the log: a valid identity number, distinct for every n below 1,000,000. */
const idOf = (n: number) =>
  idNumberWithCheckChar(
    `${REGION}19${String(50 + (n % 40))}0101${String(Math.floor(n / 40)).padStart(3, '0')}`.slice(0, 17),
  );

// ---------------------------------------------------------------------------------------------
// Appends

const caseOpened = (ref: string, caseId: string, n: number): NewEvent => ({
  type: 'HardshipCaseOpened',
  personRef: ref,
  metadata: { actor: 'cw-bench', correlationId: randomUUID() },
  data: {
    caseId,
    personRef: ref,
    idNumberMasked: `110105********${String(n % 10_000).padStart(4, '0')}`,
    name: '王建国',
    phone: '13800001111',
    unitId: `unit-${n % 97}`,
    regionCode: REGION,
    household: { size: 4, monthlyIncomeFen: 300_000 },
    causes: ['illness'],
    channel: 'walk_in',
    consent: { documentRef: '工帮授〔2026〕0001号', signedOn: '2026-01-05' },
    computedTier: 'deep',
    tier: 'deep',
    nextReviewDue: '2027-06-30',
    openedOn: '2026-12-01',
    openedAt: '2026-12-01T02:00:00.000Z',
    openedBy: 'cw-bench',
  },
});

const visitRecorded = (ref: string, caseId: string): NewEvent => ({
  type: 'HomeVisitRecorded',
  personRef: ref,
  metadata: { actor: 'cw-bench', correlationId: randomUUID() },
  data: {
    caseId,
    visitId: randomUUID(),
    visitedOn: '2026-12-02',
    visitor: '李敏',
    findings: '户主卧床，家中三口人，子女在读，药费负担重。',
    recordedBy: 'cw-bench',
    recordedAt: '2026-12-02T02:00:00.000Z',
  },
});

interface AppendFigures {
  concurrency: number;
  newPerson: { sealed: number; plain: number; ratio: number };
  existingPerson: { sealed: number; plain: number; ratio: number };
}

/**
 * Single-event appends through a sealing store and a plain one on one database, alternating
 * rounds (and which side goes first): a case opened on a new stream (the sealing side creates the
 * person's key), then a visit appended to each of those streams (the key exists).
 */
async function appendBench(
  sealing: EventStore,
  plain: EventStore,
  concurrency: number,
): Promise<AppendFigures> {
  const perRound = Math.ceil(APPENDS / ROUNDS);
  const run = `${concurrency}-${Date.now()}`;
  const spent = { sealedNew: 0, plainNew: 0, sealedNext: 0, plainNext: 0 };
  const side = (store: EventStore, label: string, round: number) => {
    const stream = (i: number) => `case-${label}-${run}-${round}-${i}`;
    // A new person per case opened (a keyed hash, as the service's refs are).
    const ref = (i: number) => createHash('sha256').update(stream(i)).digest('hex');
    return {
      open: () =>
        timed(perRound, concurrency, (i) =>
          store.append(stream(i), [caseOpened(ref(i), stream(i), i)], { expectedVersion: 'no_stream' }),
        ),
      visit: () =>
        timed(perRound, concurrency, (i) =>
          store.append(stream(i), [visitRecorded(ref(i), stream(i))], { expectedVersion: 1 }),
        ),
    };
  };
  // Connections, plans and the JIT warmed on both sides before anything is timed.
  for (const [store, label] of [
    [sealing, 'warm-s'],
    [plain, 'warm-p'],
  ] as const) {
    await side(store, label, -1).open();
    await side(store, label, -1).visit();
  }
  for (let round = 0; round < ROUNDS; round++) {
    const s = side(sealing, 's', round);
    const p = side(plain, 'p', round);
    if (round % 2 === 0) {
      spent.sealedNew += await s.open();
      spent.plainNew += await p.open();
      spent.sealedNext += await s.visit();
      spent.plainNext += await p.visit();
    } else {
      spent.plainNew += await p.open();
      spent.sealedNew += await s.open();
      spent.plainNext += await p.visit();
      spent.sealedNext += await s.visit();
    }
  }
  const total = perRound * ROUNDS;
  const figure = (sealedSeconds: number, plainSeconds: number) => {
    const sealed = Math.round(total / sealedSeconds);
    const plainRate = Math.round(total / plainSeconds);
    return { sealed, plain: plainRate, ratio: ratio(sealed, plainRate) };
  };
  return {
    concurrency,
    newPerson: figure(spent.sealedNew, spent.plainNew),
    existingPerson: figure(spent.sealedNext, spent.plainNext),
  };
}

// ---------------------------------------------------------------------------------------------
// Verify and rebuild over a sealed log and the same log in plain

/**
 * `CASES` case files through the case decider and the service's projections in bulk, on `store`:
 * each opened, visited, paired with a helper, visited again and closed (5 events; 2 of them,
 * and the visits' findings, hold personal fields). Answers the events written.
 */
async function loadCases(infra: ServiceInfra, store: EventStore): Promise<number> {
  const policy = policyInForce((await loadState(store, regionPolicyDecider, policyStreamId(REGION))).state);
  const now = new Date().toISOString();
  const context = { actor: 'cw-bench', now, today: chinaToday(new Date()) };
  let written = 0;
  for (let from = 0; from < CASES; from += 1000) {
    const batch = Array.from({ length: Math.min(1000, CASES - from) }, (_, i) => {
      const id = parseIdNumber(idOf(from + i));
      return { caseId: randomUUID(), id, ref: personRef('bench-secret', id) };
    });
    const steps: ((c: (typeof batch)[number]) => CaseCommand)[] = [
      (c) => ({
        ...context,
        type: 'OpenCase',
        caseId: c.caseId,
        personRef: c.ref,
        idNumberMasked: maskIdNumber(c.id),
        name: '王建国',
        phone: '13800001111',
        unitId: `unit-${from % 97}`,
        regionCode: REGION,
        household: { size: 4, monthlyIncomeFen: 300_000 },
        causes: ['illness'],
        channel: 'walk_in',
        consent: { documentRef: '工帮授〔2026〕0001号', signedOn: '2026-01-05' },
        policy,
      }),
      () => ({
        ...context,
        type: 'RecordVisit',
        visitId: randomUUID(),
        visitedOn: context.today,
        visitor: '李敏',
        findings: '户主卧床，家中三口人，子女在读，药费负担重。',
      }),
      () => ({ ...context, type: 'AssignPairing', helperName: '张华', helperUnit: '郑州市总工会' }),
      () => ({
        ...context,
        type: 'RecordVisit',
        visitId: randomUUID(),
        visitedOn: context.today,
        visitor: '李敏',
        findings: '复访：病情稳定，已申请助学。',
      }),
      () => ({ ...context, type: 'CloseCase', reason: 'out_of_hardship' }),
    ];
    for (const step of steps) {
      const commands: BulkCommand<CaseCommand>[] = batch.map((c) => ({
        streamId: caseStreamId(c.caseId),
        command: step(c),
        personRef: c.ref,
      }));
      const outcomes = await infra.dataSource.transaction((tx) =>
        handleCommandsInBulk(store, caseDecider, commands, {
          streamType: 'case',
          metadata: { actor: 'cw-bench' },
          tx,
        }),
      );
      for (const o of outcomes) {
        if ('refused' in o) throw new Error(`${o.streamId}: ${o.refused.message}`);
        written += o.events.length;
      }
    }
  }
  await infra.dataSource.query(`VACUUM ANALYZE`);
  await infra.dataSource.query(`CHECKPOINT`);
  return written;
}

interface Log {
  name: 'sealed' | 'plain';
  infra: ServiceInfra;
  store: EventStore;
  /** This log's kind of store (sealing or not, with the service's read models) on `dataSource`. */
  storeOn(dataSource: DataSource): EventStore;
}

/** `pass` over each log, PASS_ROUNDS times, alternating which goes first: total seconds of each. */
async function alternate(logs: readonly [Log, Log], pass: (log: Log) => Promise<void>) {
  const spent = { sealed: 0, plain: 0 };
  for (let round = 0; round < PASS_ROUNDS; round++) {
    for (const log of round % 2 === 0 ? logs : [logs[1], logs[0]]) {
      const started = process.hrtime.bigint();
      await pass(log);
      spent[log.name] += seconds(started);
    }
  }
  return spent;
}

// ---------------------------------------------------------------------------------------------
// Erasure across the three programmes

async function erasureBench() {
  const names = ['hardship-cases', 'education-grants', 'medical-aid', 'organisation'];
  const urls = Object.fromEntries(
    await Promise.all(names.map(async (n) => [n, await createDatabase(`bench_pd_${n.replace(/-/g, '_')}`)])),
  ) as Record<string, string>;
  const platform = await startEmbeddedPlatform({
    gatewayPort: 0,
    postgres: urls,
    env: { ...process.env, LOG_LEVEL: 'error', RATE_LIMIT_PER_MINUTE: '10000000' },
  });
  try {
    const url = platform.gatewayUrl;
    const cw = await bearer('cw-bench', ['caseworker'], ['u1'], 7200);
    const rv = await bearer('rv-bench', ['reviewer'], ['*'], 7200);
    const admin = await bearer('admin-bench', ['admin'], ['*'], 7200);
    const campaignId = String(
      (await expectCall(201, url, admin, 'POST', '/api/v1/grants/campaigns', campaignBody())).campaignId,
    );
    const periodId = String(
      (await expectCall(201, url, admin, 'POST', '/api/v1/medical-aid/periods', periodBody())).periodId,
    );
    const person = (n: number) =>
      idNumberWithCheckChar(
        `41010519${String(60 + (n % 30))}0101${String(Math.floor(n / 30) + 100).padStart(3, '0')}`.slice(
          0,
          17,
        ),
      );
    const child = (n: number) =>
      idNumberWithCheckChar(
        `4101052008${String(1 + (n % 12)).padStart(2, '0')}01${String(Math.floor(n / 12) + 100).padStart(3, '0')}`.slice(
          0,
          17,
        ),
      );
    const seedStarted = process.hrtime.bigint();
    const ids = Array.from({ length: PEOPLE }, (_, n) => person(n));
    await expectCall(200, url, cw, 'POST', `/api/v1/medical-aid/periods/${periodId}/enrollments`, {
      unitId: 'u1',
      paymentRef: 'PAY-BENCH',
      members: ids.map((idNumber, n) => ({ idNumber, name: `成员${n}`, hasBasicMedicalInsurance: true })),
    });
    await timed(PEOPLE, 4, async (n) => {
      const idNumber = ids[n];
      const opened = await expectCall(201, url, cw, 'POST', '/api/v1/hardship/cases', {
        person: { idNumber, name: `欧阳${n}`, phone: '13800001111' },
        unitId: 'u1',
        regionCode: '410105',
        household: { size: 3, monthlyIncomeFen: 200_000 },
        causes: ['illness'],
        channel: 'walk_in',
        consent: { documentRef: '工帮授〔2026〕0001号', signedOn: '2026-01-05' },
      });
      const caseId = String(opened.caseId);
      await expectCall(201, url, cw, 'POST', `/api/v1/hardship/cases/${caseId}/visits`, {
        visitedOn: TODAY,
        visitor: '李敏',
        findings: `欧阳${n}卧床，家中三口人。`,
      });
      const application = await eventually('the grants service learns of the case', async () => {
        const submitted = await call(url, cw, 'POST', '/api/v1/grants/applications', {
          campaignId,
          parentIdNumber: idNumber,
          unitId: 'u1',
          student: { idNumber: child(n), name: `欧阳小${n}`, level: 'undergraduate', school: '郑州大学' },
          consent: { documentRef: '工助授〔2026〕0001号', signedOn: '2026-01-05' },
        });
        return submitted.status === 201 ? submitted.body : undefined;
      });
      const applicationId = String(application.applicationId);
      await expectCall(200, url, rv, 'POST', `/api/v1/grants/applications/${applicationId}/approve`, {});
      await expectCall(200, url, cw, 'POST', `/api/v1/grants/applications/${applicationId}/disburse`, {
        paymentRef: `BANK-G-${n}`,
        paidOn: TODAY,
      });
      const claim = await expectCall(
        201,
        url,
        cw,
        'POST',
        '/api/v1/medical-aid/claims',
        claimBody(periodId, idNumber),
      );
      await expectCall(
        200,
        url,
        rv,
        'POST',
        `/api/v1/medical-aid/claims/${String(claim.claimId)}/approve`,
        {},
      );
      await expectCall(200, url, cw, 'POST', `/api/v1/medical-aid/claims/${String(claim.claimId)}/pay`, {
        paymentRef: `BANK-M-${n}`,
        paidOn: TODAY,
      });
      await expectCall(200, url, cw, 'POST', `/api/v1/hardship/cases/${caseId}/close`, {
        reason: 'out_of_hardship',
      });
    });
    const seedSeconds = seconds(seedStarted);
    const events: Record<string, number> = {};
    for (const n of names.slice(0, 3)) {
      const [{ count }] = await platform.services[n].infra.dataSource.query<{ count: string }[]>(
        `SELECT count(*) AS count FROM events`,
      );
      events[n] = Number(count);
    }
    const erase = (idNumber: string) =>
      expectCall(202, url, admin, 'POST', `/api/v1/privacy/people/${idNumber}/requests`, {
        kind: 'erase',
        reason: '保存期限届满，依申请删除',
        legalBasis: '《个人信息保护法》第四十七条',
      });
    // One unmeasured erasure warms the path (plans, connections) up.
    await erase(ids[PEOPLE - 1]);
    const ms: number[] = [];
    for (const idNumber of ids.slice(0, Math.min(ERASURES, PEOPLE - 1))) {
      const started = process.hrtime.bigint();
      const answer = await erase(idNumber);
      ms.push(seconds(started) * 1000);
      if (answer.complete !== true) throw new Error(`erasure incomplete: ${JSON.stringify(answer)}`);
    }
    ms.sort((a, b) => a - b);
    const round1 = (v: number) => Math.round(v * 10) / 10;
    return {
      people: PEOPLE,
      seedSeconds: round1(seedSeconds),
      events,
      erasures: ms.length,
      p50Ms: round1(quantile(ms, 0.5)),
      maxMs: round1(ms[ms.length - 1]),
    };
  } finally {
    await platform.stop();
    for (const u of Object.values(urls)) await dropDatabase(u);
  }
}

// ---------------------------------------------------------------------------------------------

async function openLog(name: 'sealed' | 'plain'): Promise<Log & { url: string }> {
  const url = await createDatabase(`bench_pd_${name}`);
  const infra = await openServiceInfra(
    hardshipCasesService,
    { kind: 'postgres', url, poolMax: 20 },
    { kind: 'in-process', bus: new InProcessBus() },
    EMBEDDED_MASTER_KEY,
  );
  const storeOn = (dataSource: DataSource) =>
    new EventStore(dataSource, {
      projections: hardshipCasesService.projections,
      upcasters: hardshipCasesService.upcasters,
      personalData: name === 'sealed' ? infra.personalData : undefined,
    });
  return { name, infra, store: storeOn(infra.dataSource), storeOn, url };
}

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0];
  // Verify and rebuild: the same case files, sealed in one database and plain in the other.
  const sealed = await openLog('sealed');
  const plain = await openLog('plain');
  let passes;
  const appends: (AppendFigures & { path: string })[] = [];
  try {
    if (APPENDS_ONLY) {
      // BENCH_PART=appends: the append figures alone, printed, not written (while tuning them).
      const { dataSource, personalData } = sealed.infra;
      for (const concurrency of [1, 16]) {
        const f = await appendBench(
          new EventStore(dataSource, { personalData }),
          new EventStore(dataSource),
          concurrency,
        );
        process.stdout.write(`appends, event store alone: ${JSON.stringify(f)}\n`);
      }
      return;
    }
    const loadStarted = process.hrtime.bigint();
    const events = await loadCases(sealed.infra, sealed.store);
    const sealedLoadSeconds = seconds(loadStarted);
    const plainStarted = process.hrtime.bigint();
    if ((await loadCases(plain.infra, plain.store)) !== events)
      throw new Error('the two logs differ in length');
    const plainLoadSeconds = seconds(plainStarted);
    const size = async (log: Log) =>
      Number(
        (await log.infra.dataSource.query<{ b: string }[]>(`SELECT pg_total_relation_size('events') AS b`))[0]
          .b,
      );
    const logs = [sealed, plain] as const;
    const verify = await alternate(logs, async (log) => {
      const report = await verifyLog(log.infra.dataSource);
      if (!report.valid || report.checked !== events)
        throw new Error(`verify failed: ${JSON.stringify(report)}`);
    });
    const rebuild = await alternate(logs, async (log) => {
      const report = await rebuildProjections(
        log.infra.dataSource,
        log.store,
        hardshipCasesService.projections,
      );
      if (report.events !== events) throw new Error(`rebuilt ${report.events} of ${events} events`);
    });
    const [sealedRows] = await sealed.infra.dataSource.query<{ n: string; name: string }[]>(
      `SELECT count(*) AS n, min(data->>'name') AS name FROM case_summary`,
    );
    if (Number(sealedRows.n) !== CASES || sealedRows.name !== '王建国') {
      throw new Error(`the sealed rebuild is not the plain one: ${JSON.stringify(sealedRows)}`);
    }
    const rate = (s: number) => Math.round((events * PASS_ROUNDS) / s);
    passes = {
      cases: CASES,
      events,
      loadSeconds: { sealed: +sealedLoadSeconds.toFixed(1), plain: +plainLoadSeconds.toFixed(1) },
      eventsTableBytes: { sealed: await size(sealed), plain: await size(plain) },
      verify: {
        sealed: rate(verify.sealed),
        plain: rate(verify.plain),
        ratio: ratio(verify.plain, verify.sealed),
      },
      rebuild: {
        sealed: rate(rebuild.sealed),
        plain: rate(rebuild.plain),
        ratio: ratio(rebuild.plain, rebuild.sealed),
      },
    };
    process.stdout.write(`passes: ${JSON.stringify(passes)}\n`);

    // Appends, afterwards, on the sealed log's database: bare stores (the event store's own cost),
    // then stores with the service's read models, each append in its transaction (the service's path).
    const { dataSource } = sealed.infra;
    const { personalData } = sealed.infra;
    for (const concurrency of [1, 16]) {
      appends.push({
        path: 'event store alone',
        ...(await appendBench(
          new EventStore(dataSource, { personalData }),
          new EventStore(dataSource),
          concurrency,
        )),
      });
      appends.push({
        path: 'with the hardship read models',
        ...(await appendBench(sealed.store, plain.storeOn(dataSource), concurrency)),
      });
    }
  } finally {
    for (const log of [sealed, plain]) {
      await log.infra.close();
      await dropDatabase(log.url);
    }
  }
  process.stdout.write(`appends: ${JSON.stringify(appends)}\n`);

  const erasure = await erasureBench();
  process.stdout.write(`erasure: ${JSON.stringify(erasure)}\n`);

  const loadAtEnd = loadavg()[0];
  const machine = `2 cores shared with other work, load average ${loadAtStart.toFixed(1)} at the start and ${loadAtEnd.toFixed(1)} at the end; local PostgreSQL 15`;
  const result = { at: new Date().toISOString(), machine, appends, passes, erasure };
  writeFileSync('bench/results/personal-data.json', JSON.stringify(result, null, 2) + '\n');

  const met = (ok: boolean) => (ok ? 'met' : '**missed**');
  const worstAppend = Math.min(...appends.flatMap((a) => [a.newPerson.ratio, a.existingPerson.ratio]));
  const table = [
    `${machine}. Each pair measured in alternating rounds (sealed side and plain side, taking turns going first).`,
    '',
    '| appends (1 event each, hardship events with personal fields) | concurrency | sealed events/s | plain events/s | ratio |',
    '|---|---|---|---|---|',
    ...appends.flatMap((a) => [
      `| ${a.path}: case opened, new stream (the person's key created) | ${a.concurrency} | ${a.newPerson.sealed} | ${a.newPerson.plain} | ${a.newPerson.ratio} |`,
      `| ${a.path}: visit appended (the person's key read) | ${a.concurrency} | ${a.existingPerson.sealed} | ${a.existingPerson.plain} | ${a.existingPerson.ratio} |`,
    ]),
    '',
    `| pass over ${passes.events} events (${passes.cases} case files of 5 events) | sealed events/s | plain events/s | ratio |`,
    '|---|---|---|---|',
    `| verify (hash chain; reads no key) | ${passes.verify.sealed} | ${passes.verify.plain} | ${passes.verify.ratio} |`,
    `| rebuild of every hardship read model (opens every sealed field) | ${passes.rebuild.sealed} | ${passes.rebuild.plain} | ${passes.rebuild.ratio} |`,
    '',
    `The events table is ${(passes.eventsTableBytes.sealed / 1e6).toFixed(1)} MB sealed, ${(passes.eventsTableBytes.plain / 1e6).toFixed(1)} MB plain.`,
    '',
    `Erasing one person through the gateway (three programmes' services on PostgreSQL, in parallel), among ${erasure.people} people each with a case (visited, closed), a disbursed grant and a paid claim (events: ${Object.entries(
      erasure.events,
    )
      .map(([s, n]) => `${s} ${n}`)
      .join(', ')}): p50 ${erasure.p50Ms} ms, slowest ${erasure.maxMs} ms of ${erasure.erasures}.`,
    '',
    'Targets (issue 18):',
    '',
    `- appends ≥ 0.9 of the rate without: ${met(worstAppend >= 0.9)} (lowest ratio ${worstAppend});`,
    `- verify ≥ 0.95: ${met(passes.verify.ratio >= 0.95)} (${passes.verify.ratio});`,
    `- rebuild ≥ 0.7: ${met(passes.rebuild.ratio >= 0.7)} (${passes.rebuild.ratio});`,
    `- erasing one person across the three services < 1 s: ${met(erasure.maxMs < 1000)} (slowest ${erasure.maxMs} ms).`,
  ].join('\n');
  writeBenchmarkSection('personal-data', 'npm run bench:personal-data', table);
  process.stdout.write(`${table}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
