// Enrollment and claims throughput of the medical-aid service over HTTP, on a fresh database of
// the real PostgreSQL server (TEST_DATABASE_URL or the local one) with the in-process bus.
// Qinghai 2022: 352,300 members in 5,314 units; 2021: 29,617 claims paid. The HTTP client runs in
// a child process, as real clients would, so CPU and RSS figures are the service's own.
//   node -r ./tools/register.js bench/enrollment.bench.ts    (BENCH_SCALE=0.05 for a quick run)
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { HEADERS, TOPICS } from '@union/contracts';
import { verifyLog, EMBEDDED_MASTER_KEY } from '@union/event-store';
import { createDatabase, dropDatabase } from '@union/event-store/testing';
import { addDays, chinaToday, idNumberWithCheckChar, parseIdNumber, personRef } from '@union/kernel';
import { MedicalAidModule, medicalAidService } from '@union/medical-aid/service';
import { InProcessBus, InProcessPublisher } from '@union/messaging';
import {
  assertionPrivateKey,
  assertionPublicKey,
  GATEWAY_ASSERTION_HEADER,
  generateAssertionKeys,
  signDevToken,
  signGatewayAssertion,
} from '@union/platform';
import { createServiceApp, openServiceInfra } from '@union/runtime';
import { writeBenchmarkSection } from './benchmarks-md';
import { quantile } from './quantile';

const SCALE = Number(process.env.BENCH_SCALE ?? '1');
const UNITS = Math.max(1, Math.round(5_314 * SCALE));
const MEMBERS = Math.max(UNITS, Math.round(352_300 * SCALE));
const CLAIMS = Math.min(MEMBERS, Number(process.env.BENCH_CLAIMS ?? Math.round(30_000 * SCALE)));
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? '4');
const WAIVED_EVERY = 100; // 1% of members hold a deep-hardship case
const TODAY = chinaToday(new Date());
const NAMES = ['马海燕', '李建国', '韩秀英', '才让', '张伟', '卓玛', '王芳', '祁明'];
const OTHERS_PAID = {
  seriousIllnessInsurancePaidFen: 0,
  medicalAssistancePaidFen: 0,
  employerPaidFen: 0,
  otherPaidFen: 0,
};

/** mulberry32: a small seeded PRNG, so every run draws the same units, claimants and bills. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Unit sizes like real grass-roots unions: log-normal (most under 100, a few thousands), summing to `total`. */
function unitSizes(rand: () => number, units: number, total: number): number[] {
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const weights = Array.from({ length: units }, () => Math.exp(1.3 * gaussian()));
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.min(10_000, Math.max(1, Math.floor((w / sum) * total))));
  for (let diff = total - sizes.reduce((a, b) => a + b, 0); diff !== 0;) {
    const i = Math.floor(rand() * units);
    const step = diff > 0 ? 1 : -1;
    if (sizes[i] + step >= 1 && sizes[i] + step <= 10_000) [sizes[i], diff] = [sizes[i] + step, diff - step];
  }
  return sizes;
}

/** The n-th member: a valid identity number from Xining (630102), born 1960-2000. */
const idOf = (n: number): string =>
  idNumberWithCheckChar(
    `630102${addDays('1960-01-01', n % 14_600).replace(/-/g, '')}${String(Math.floor(n / 14_600)).padStart(3, '0')}`,
  );
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

// The bench stands in for the gateway on the hop: one key pair per run, shared with the client child.
process.env.BENCH_ASSERTION_KEYS ??= JSON.stringify(generateAssertionKeys());
const HOP_KEYS = JSON.parse(process.env.BENCH_ASSERTION_KEYS) as { privateKey: string; publicKey: string };
const HOP_KEY = assertionPrivateKey('BENCH_ASSERTION_KEYS', HOP_KEYS.privateKey);

/** The headers of a call as the gateway makes it: the caller's token and the gateway's assertion. */
function hop(method: string, url: string, auth: string): Record<string, string> {
  const { pathname, search } = new URL(url);
  const assertion = signGatewayAssertion(HOP_KEY, {
    service: medicalAidService.name,
    method,
    url: pathname + search,
    authorization: auth,
    correlationId: randomUUID(),
  });
  return { authorization: auth, [GATEWAY_ASSERTION_HEADER]: assertion };
}

/** POSTs `body` (a value, or JSON text already written) and returns the JSON answer. */
async function post(
  url: string,
  auth: string,
  body: unknown,
  key?: string,
): Promise<Record<string, unknown>> {
  const headers = {
    ...hop('POST', url, auth),
    'content-type': 'application/json',
    ...(key ? { 'idempotency-key': key } : {}),
  };
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const res = await fetch(url, { method: 'POST', headers, body: text });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

interface Job {
  phase: 'enroll' | 'claims';
  base: string;
  periodId: string;
  tokens: { caseworker: string; reviewer: string };
}
interface PhaseResult {
  seconds: number;
  latencies: number[];
  enrolled: number;
  waived: number;
  clientCpuSeconds: number;
}

/** The client (a child process): one phase's jobs, CONCURRENCY in flight; the latency of each job. */
async function client({ phase, base, periodId, tokens }: Job): Promise<PhaseResult> {
  const rand = prng(20_220_101);
  const sizes = unitSizes(rand, UNITS, MEMBERS);
  const starts = [0];
  sizes.forEach((size, u) => starts.push(starts[u] + size));
  const picked = new Set<number>(); // distinct claimants: no two claims share an admission
  while (phase === 'claims' && picked.size < CLAIMS) picked.add(Math.floor(rand() * MEMBERS));
  const claimants = [...picked];
  const result: PhaseResult = { seconds: 0, latencies: [], enrolled: 0, waived: 0, clientCpuSeconds: 0 };
  const unitIdOf = (u: number) => `unit-${String(u).padStart(4, '0')}`;
  // The unit lists are written before the clock starts: making up 352,300 identity numbers is the
  // bench's work, not the service's, and real units send theirs from their own machines.
  const bodies = (phase === 'enroll' ? sizes : []).map((size, u) => {
    const members = Array.from({ length: size }, (_, k) => {
      const n = starts[u] + k;
      return { idNumber: idOf(n), name: NAMES[n % NAMES.length], hasBasicMedicalInsurance: true };
    });
    return JSON.stringify({ unitId: unitIdOf(u), paymentRef: `PAY-${unitIdOf(u)}`, members });
  });
  const enroll = async (u: number) => {
    const done = await post(
      `${base}/periods/${periodId}/enrollments`,
      tokens.caseworker,
      bodies[u],
      `enroll-${unitIdOf(u)}`,
    );
    result.enrolled += done.enrolled as number;
    result.waived += done.waived as number;
  };
  const claim = async (c: number) => {
    const totalFen = 500_000 + Math.floor(rand() * 19_500_000);
    const bill = {
      totalFen,
      basicInsurancePaidFen: Math.floor(totalFen * (0.3 + rand() * 0.4)),
      ...OTHERS_PAID,
    };
    const stay = {
      hospital: '青海省人民医院',
      admittedOn: TODAY,
      dischargedOn: TODAY,
      diagnosisCode: 'I21.9',
    };
    const body = { periodId, idNumber: idOf(claimants[c]), ...stay, bill };
    const { claimId } = (await post(`${base}/claims`, tokens.caseworker, body, `claim-${c}`)) as {
      claimId: string;
    };
    await post(`${base}/claims/${claimId}/approve`, tokens.reviewer, {});
    await post(`${base}/claims/${claimId}/pay`, tokens.caseworker, {
      paymentRef: `BANK-${c}`,
      paidOn: TODAY,
    });
  };
  const [count, job] = phase === 'enroll' ? [UNITS, enroll] : [CLAIMS, claim];
  let next = 0;
  const [cpu, started] = [process.cpuUsage(), performance.now()];
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const t = performance.now();
      await job(i);
      result.latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const used = process.cpuUsage(cpu);
  result.seconds = (performance.now() - started) / 1000;
  result.clientCpuSeconds = (used.user + used.system) / 1e6;
  result.latencies.sort((a, b) => a - b);
  return result;
}

/** Runs one client phase in a child process. */
function inClient(job: Job): Promise<PhaseResult> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, BENCH_CLIENT_JOB: JSON.stringify(job) };
    const child = fork(__filename, [], { env, execArgv: ['-r', join(__dirname, '../tools/register.js')] });
    child.once('message', (r: PhaseResult) => resolve(r));
    child.once('exit', (code) =>
      code === 0 ? undefined : reject(new Error(`the client exited with ${code}`)),
    );
  });
}

/** CPU seconds used so far by this database's backends (best effort: PostgreSQL on this Linux host). */
async function databaseCpuSeconds(dataSource: DataSource): Promise<number | null> {
  const rows: { pid: number }[] = await dataSource.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database()`,
  );
  try {
    const stats = rows.map(({ pid }) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '));
    return stats.reduce((sum, f) => sum + Number(f[11]) + Number(f[12]), 0) / 100;
  } catch {
    return null;
  }
}

/** What the hardship service publishes when it opens a deep-hardship case for `id`. */
function hardshipCaseOpened(secret: string, id: string) {
  const [ref, eventId] = [personRef(secret, parseIdNumber(id)), randomUUID()];
  const value = { personRef: ref, caseId: randomUUID(), unitId: 'u', regionCode: '630102', tier: 'deep' };
  const headers = {
    ...{ [HEADERS.eventId]: eventId, [HEADERS.eventType]: 'HardshipCaseOpened', [HEADERS.eventVersion]: '1' },
    ...{ [HEADERS.correlationId]: eventId, [HEADERS.causationId]: eventId, [HEADERS.source]: 'hardship' },
    [HEADERS.occurredAt]: new Date().toISOString(),
  };
  return { topic: TOPICS.hardshipCases, key: ref, value: { ...value, openedOn: TODAY }, headers };
}

/** The BENCHMARKS.md section of a full-scale run. */
function markdown(r: {
  concurrency: number;
  machine: Record<string, unknown>;
  enrollment: Record<string, number | null>;
  hashChain: { checked: number; valid: boolean; seconds: number };
  claims: Record<string, number | null>;
}): string {
  const { machine: m, enrollment: e, claims: c } = r;
  const n = (x: number | null) => (x === null ? '–' : x.toLocaleString('en-US'));
  const met = (e.seconds ?? Infinity) < 60 && (e.peakRssMiB ?? Infinity) < 1024;
  return [
    `${n(e.members)} members in ${n(e.units)} unit requests (log-normal sizes: median 28, largest 2,853), ` +
      `${r.concurrency} in flight, each with an Idempotency-Key; the service on local PostgreSQL 15 with ` +
      `the in-process bus and its relay; the HTTP client in its own process. ${String(m.cpus)} CPUs ` +
      `(${String(m.model)}), Node ${String(m.node)}; load average ${String(m.loadAverageAtStart)} at the ` +
      `start, ${String(m.loadAverageAfterEnrollment)} after enrollment, ${String(m.loadAverageAtEnd)} at the end.`,
    '',
    '| phase | count | seconds | per second | p50 ms | p99 ms | peak RSS MiB |',
    '|---|---|---|---|---|---|---|',
    `| enrollment (members) | ${n(e.enrolled)} (${n(e.waived)} waived) | ${e.seconds} | ${n(e.membersPerSecond)} | ` +
      `${e.requestP50Ms} (request) | ${e.requestP99Ms} (request) | ${e.peakRssMiB} |`,
    `| claims: submit, approve, pay | ${n(c.count)} | ${c.seconds} | ${n(c.claimsPerSecond)} | ` +
      `${c.lifecycleP50Ms} (claim) | ${c.lifecycleP99Ms} (claim) | ${c.peakRssMiB} |`,
    '',
    `Enrollment CPU: service ${e.serviceCpuSeconds} s, database backends ${n(e.databaseCpuSeconds)} s, ` +
      `client ${e.clientCpuSeconds} s. Hash chain after enrollment: ${n(r.hashChain.checked)} events, ` +
      `${r.hashChain.valid ? 'valid' : 'BROKEN'} (${r.hashChain.seconds} s). ` +
      `Target (all 352,300 in under 60 s, memory under 1 GiB): ${met ? 'met' : 'missed'}.`,
  ].join('\n');
}

async function main(): Promise<void> {
  const url = await createDatabase('bench_medical_aid');
  const bus = new InProcessBus();
  const infra = await openServiceInfra(
    medicalAidService,
    { kind: 'postgres', url },
    { kind: 'in-process', bus },
    EMBEDDED_MASTER_KEY,
  );
  const [jwtSecret, personRefSecret] = [randomBytes(32).toString('hex'), randomBytes(32).toString('hex')];
  const settings = {
    service: medicalAidService.name,
    jwtSecret,
    personRefSecret,
    gatewayPublicKey: assertionPublicKey('BENCH_ASSERTION_KEYS', HOP_KEYS.publicKey),
    logLevel: 'silent' as const,
  };
  const app = await createServiceApp(MedicalAidModule.register(infra, settings), infra, settings);
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api/v1/medical-aid`;
  const token = async (sub: string, role: 'admin' | 'caseworker' | 'reviewer') =>
    `Bearer ${await signDevToken(jwtSecret, { sub, roles: [role], units: ['*'] }, 6 * 3600)}`;
  const tokens = { caseworker: await token('cw-1', 'caseworker'), reviewer: await token('rv-1', 'reviewer') };
  const band = (uptoFen: number | null, ratioBp: number) => ({ uptoFen, ratioBp });
  const { periodId } = (await post(`${base}/periods`, await token('admin-1', 'admin'), {
    name: '2026年度职工医疗互助 (bench)',
    ...{ coverageStart: addDays(TODAY, -10), coverageEnd: addDays(TODAY, 355) },
    ...{ enrollmentOpensOn: addDays(TODAY, -10), enrollmentClosesOn: addDays(TODAY, 30) },
    rules: {
      inpatient: { deductibleFen: 100_000, bands: [band(5_000_000, 5000), band(null, 6000)] },
      seriousIllness: { bands: [band(4_000_000, 5000), band(null, 7000)] },
    },
  })) as { periodId: string };
  const waivedIds = Array.from({ length: Math.floor(MEMBERS / WAIVED_EVERY) }, (_, k) =>
    idOf(k * WAIVED_EVERY),
  );
  await new InProcessPublisher(bus).publish(waivedIds.map((id) => hardshipCaseOpened(personRefSecret, id)));
  await bus.idle();

  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 100);
  const [cpu, dbCpu, load] = [process.cpuUsage(), await databaseCpuSeconds(infra.dataSource), loadavg()[0]];
  const enrolled = await inClient({ phase: 'enroll', base, periodId, tokens });
  const [serviceCpu, dbCpuAfter] = [process.cpuUsage(cpu), await databaseCpuSeconds(infra.dataSource)];
  const loadAfterEnrollment = loadavg()[0];
  const enrollPeakRss = peakRss;
  let started = performance.now();
  const chain = await verifyLog(infra.dataSource);
  const verifySeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const claims = CLAIMS > 0 ? await inClient({ phase: 'claims', base, periodId, tokens }) : null;
  clearInterval(sampler);
  const report = await (
    await fetch(`${base}/periods/${periodId}/fund-report`, {
      headers: hop('GET', `${base}/periods/${periodId}/fund-report`, tokens.reviewer),
    })
  ).json();

  const enrollment = {
    ...{ units: UNITS, members: MEMBERS, enrolled: enrolled.enrolled, waived: enrolled.waived },
    ...{
      seconds: round(enrolled.seconds, 2),
      membersPerSecond: Math.round(enrolled.enrolled / enrolled.seconds),
    },
    ...{
      requestP50Ms: round(quantile(enrolled.latencies, 0.5)),
      requestP99Ms: round(quantile(enrolled.latencies, 0.99)),
    },
    serviceCpuSeconds: round((serviceCpu.user + serviceCpu.system) / 1e6),
    databaseCpuSeconds: dbCpu === null || dbCpuAfter === null ? null : round(dbCpuAfter - dbCpu),
    clientCpuSeconds: round(enrolled.clientCpuSeconds),
    peakRssMiB: Math.round(enrollPeakRss / 2 ** 20),
  };
  const claimFigures = {
    ...{ count: CLAIMS, seconds: round(claims?.seconds ?? 0, 2) },
    claimsPerSecond: claims ? Math.round(CLAIMS / claims.seconds) : null,
    lifecycleP50Ms: round(quantile(claims?.latencies ?? [], 0.5)),
    lifecycleP99Ms: round(quantile(claims?.latencies ?? [], 0.99)),
    peakRssMiB: Math.round(peakRss / 2 ** 20),
  };
  const sections = {
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model,
      node: process.version,
      loadAverageAtStart: round(load, 2),
      loadAverageAfterEnrollment: round(loadAfterEnrollment, 2),
      loadAverageAtEnd: round(loadavg()[0], 2),
    },
    enrollment,
    hashChain: { checked: chain.checked, valid: chain.valid, seconds: round(verifySeconds, 2) },
    claims: claimFigures,
  };
  const results = {
    recordedAt: new Date().toISOString(),
    scale: SCALE,
    concurrency: CONCURRENCY,
    ...sections,
    fundReport: report,
  };
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  const file = join(__dirname, 'results', SCALE === 1 ? 'enrollment.json' : `enrollment.scale-${SCALE}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  const rows = Object.entries(sections).flatMap(([name, figures]) =>
    Object.entries(figures).map(([key, value]) => `| ${name}.${key} | ${String(value)} |`),
  );
  process.stdout.write(
    `| medical-aid bench, scale ${SCALE}, concurrency ${CONCURRENCY} | |\n|---|---|\n${rows.join('\n')}\n`,
  );
  if (SCALE === 1)
    writeBenchmarkSection('medical-aid-enrollment', 'npm run bench:enrollment', markdown(results));
  await app.close();
  await infra.close();
  if (process.env.BENCH_KEEP_DB !== '1') await dropDatabase(url);
}

const fail = (error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
};
if (process.env.BENCH_CLIENT_JOB) {
  const job = JSON.parse(process.env.BENCH_CLIENT_JOB) as Job;
  client(job)
    .then((r) => process.send?.(r, () => process.exit(0)))
    .catch(fail);
} else {
  main().catch(fail);
}
