// What the gateway costs (issue 6): requests/s and p50/p99 of a read (GET /cases/{id}) and a write
// (POST /cases/{id}/visits) at concurrency 32, through the gateway and straight to the service, in
// one run. As in production: the hardship-cases service on a fresh database of the real PostgreSQL
// server (TEST_DATABASE_URL or the local one), the gateway and the load generator each in a process
// of their own. Target: through the gateway at least 75% of the direct throughput, p99 + < 5 ms.
// Beside them, the same requests through a bare hop: a process that only forwards them with the
// gateway's HTTP client (no auth, logs, metrics or checks), the yardstick for what one more process
// in the path costs on this machine before the gateway does anything of its own.
//   node -r ./tools/register.js bench/gateway.bench.ts   (BENCH_SECONDS=32 per side; with 8 the p99s
//   of the two sides differed by ±25-50 ms from run to run, the tail being a few dozen requests)
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { writeBenchmarkSection } from './benchmarks-md';
import { runLoad, type LoadJob, type LoadResult } from './gateway-load';
import { quantile } from './quantile';
import { EMBEDDED_MASTER_KEY } from '@union/event-store';

const SECONDS = Number(process.env.BENCH_SECONDS ?? '32');
const CONCURRENCY = 32;
/** ABBA rounds per request kind; each slice runs SECONDS / (2 × ROUNDS) after its own 1 s warm-up. */
const ROUNDS = 2;
const WARMUP_SECONDS = 3;
const CASES = 256;
const ROLE = process.env.BENCH_GATEWAY_ROLE;

/** Starts this file again in a child with `role`, and resolves with the first message it sends. */
function child<T>(role: string, env: Record<string, string>): { process: ChildProcess; ready: Promise<T> } {
  const proc = fork(__filename, [], {
    env: { ...process.env, ...env, BENCH_GATEWAY_ROLE: role },
    // BENCH_PROFILE=gateway (or service) writes a CPU profile of that process to tmp/profiles.
    execArgv: [
      '-r',
      join(__dirname, '../tools/register.js'),
      ...(process.env.BENCH_PROFILE === role
        ? ['--cpu-prof', `--cpu-prof-dir=${join(__dirname, '../tmp/profiles')}`]
        : []),
    ],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ready = new Promise<T>((resolve, reject) => {
    proc.once('message', (m: T) => resolve(m));
    proc.once('exit', (code) => reject(new Error(`${role} exited with ${code}`)));
  });
  return { process: proc, ready };
}

/** The hardship-cases service alone (in-process bus: nothing consumes its messages here). */
async function service(): Promise<string> {
  const { InProcessBus } = await import('@union/messaging');
  const { createServiceApp, loadServiceSettings, openServiceInfra } = await import('@union/runtime');
  const { HardshipCasesModule, hardshipCasesService } = await import('@union/hardship-cases/service');
  const settings = loadServiceSettings('hardship-cases');
  const infra = await openServiceInfra(
    hardshipCasesService,
    { kind: 'postgres', url: String(process.env.BENCH_DATABASE_URL) },
    { kind: 'in-process', bus: new InProcessBus() },
    EMBEDDED_MASTER_KEY,
  );
  const app = await createServiceApp(HardshipCasesModule.register(infra, settings), infra, {
    logLevel: settings.logLevel,
  });
  await app.listen(0, '127.0.0.1');
  return (await app.getUrl()).replace('[::1]', '127.0.0.1');
}

/** The gateway as apps/gateway runs it. */
async function gateway(): Promise<string> {
  const { createGatewayApp, loadGatewaySettings } = await import('@union/gateway');
  const app = await createGatewayApp(loadGatewaySettings());
  await app.listen(0, '127.0.0.1');
  return (await app.getUrl()).replace('[::1]', '127.0.0.1');
}

/**
 * The bare hop: a node:http server that forwards every request to the service with the gateway's
 * own client (`UpstreamHttp`) and passes the answer back, with the assertion a service needs;
 * nothing else.
 */
async function hop(): Promise<string> {
  const { createServer } = await import('node:http');
  const { randomUUID } = await import('node:crypto');
  const { FORWARDED_REQUEST_HEADERS, FORWARDED_RESPONSE_HEADERS, UpstreamHttp } =
    await import('@union/gateway');
  const { assertionPrivateKey, GATEWAY_ASSERTION_HEADER, signGatewayAssertion } =
    await import('@union/platform');
  const upstream = String(process.env.HARDSHIP_CASES_URL);
  const key = assertionPrivateKey(
    'GATEWAY_ASSERTION_PRIVATE_KEY',
    String(process.env.GATEWAY_ASSERTION_PRIVATE_KEY),
  );
  const http = new UpstreamHttp();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const name of FORWARDED_REQUEST_HEADERS) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      headers[GATEWAY_ASSERTION_HEADER] = signGatewayAssertion(key, {
        service: 'hardship-cases',
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        authorization: headers.authorization,
        correlationId: randomUUID(),
      });
      http
        .send(`${upstream}${req.url ?? '/'}`, {
          method: req.method ?? 'GET',
          headers,
          body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
          timeoutMs: 10_000,
        })
        .then(
          (answer) => {
            res.statusCode = answer.status;
            for (const name of FORWARDED_RESPONSE_HEADERS) {
              const value = answer.headers[name];
              if (typeof value === 'string') res.setHeader(name, value);
            }
            res.end(answer.body);
          },
          () => {
            res.statusCode = 503;
            res.end();
          },
        );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

const ms = (x: number) => Math.round(x * 100) / 100;
/** A difference with its sign: +1.5 or −2.25. */
const signed = (x: number) => `${x < 0 ? '−' : '+'}${Math.abs(ms(x))}`;
const figures = (r: LoadResult) => ({
  requests: r.requests,
  requestsPerSecond: Math.round(r.requests / r.seconds),
  p50Ms: ms(quantile(r.latencies, 0.5)),
  p99Ms: ms(quantile(r.latencies, 0.99)),
  errors: r.errors,
});

async function main(): Promise<void> {
  const { createDatabase, dropDatabase } = await import('@union/event-store/testing');
  const {
    generateAssertionKeys,
    GATEWAY_ASSERTION_HEADER,
    signDevToken,
    signGatewayAssertion,
    assertionPrivateKey,
  } = await import('@union/platform');
  const { idNumberWithCheckChar } = await import('@union/kernel');
  const databaseUrl = await createDatabase('bench_gateway');
  const jwtSecret = randomBytes(32).toString('hex');
  const keys = generateAssertionKeys();
  const env = {
    JWT_SECRET: jwtSecret,
    METRICS_TOKEN: randomBytes(32).toString('hex'),
    PERSON_REF_SECRET: randomBytes(32).toString('hex'),
    AUTH_DEV_LOGIN: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    BENCH_DATABASE_URL: databaseUrl,
    // One bench user sends thousands of requests a minute; the limiter still runs on each.
    RATE_LIMIT_PER_MINUTE: '1000000000',
  };
  const children: ChildProcess[] = [];
  try {
    const svc = child<string>('service', { ...env, GATEWAY_ASSERTION_PUBLIC_KEY: keys.publicKey });
    children.push(svc.process);
    const serviceUrl = await svc.ready;
    const unused = 'http://127.0.0.1:9';
    const gw = child<string>('gateway', {
      ...env,
      GATEWAY_ASSERTION_PRIVATE_KEY: keys.privateKey,
      HARDSHIP_CASES_URL: serviceUrl,
      EDUCATION_GRANTS_URL: unused,
      MEDICAL_AID_URL: unused,
      ORGANISATION_URL: unused,
    });
    children.push(gw.process);
    const gatewayUrl = await gw.ready;
    const bare = child<string>('hop', {
      HARDSHIP_CASES_URL: serviceUrl,
      GATEWAY_ASSERTION_PRIVATE_KEY: keys.privateKey,
    });
    children.push(bare.process);
    const hopUrl = await bare.ready;
    const auth = `Bearer ${await signDevToken(jwtSecret, { sub: 'bench-cw', roles: ['caseworker'], units: ['*'] }, 3600)}`;
    const caseIds: string[] = [];
    for (let n = 0; n < 2 * CASES; n++) {
      const person = {
        idNumber: idNumberWithCheckChar(`63010219800101${String(n).padStart(3, '0')}`.slice(0, 17)),
        name: '王建国',
      };
      const body = {
        person,
        unitId: `unit-${n % 8}`,
        regionCode: '630102',
        household: { size: 4, monthlyIncomeFen: 300_000 },
        causes: ['illness'],
        channel: 'walk_in',
        consent: { documentRef: '工帮授〔2026〕0001号', signedOn: '2026-01-05' },
      };
      const assertion = signGatewayAssertion(assertionPrivateKey('keys', keys.privateKey), {
        service: 'hardship-cases',
        method: 'POST',
        url: '/api/v1/hardship/cases',
        authorization: auth,
        correlationId: `bench-${n}`,
      });
      const res = await fetch(`${serviceUrl}/api/v1/hardship/cases`, {
        method: 'POST',
        headers: {
          authorization: auth,
          'content-type': 'application/json',
          [GATEWAY_ASSERTION_HEADER]: assertion,
        },
        body: JSON.stringify(body),
      });
      if (res.status !== 201) throw new Error(`opening a case: ${res.status} ${await res.text()}`);
      caseIds.push(((await res.json()) as { caseId: string }).caseId);
    }
    type Side = 'direct' | 'gateway' | 'hop';
    const urlOf: Record<Side, string> = { direct: serviceUrl, gateway: gatewayUrl, hop: hopUrl };
    /** The process in front of the service on each side (its CPU is the hop's cost). */
    const frontOf: Record<Side, ChildProcess | undefined> = {
      direct: undefined,
      gateway: gw.process,
      hop: bare.process,
    };
    /** One load slice; with its CPU ms per request sent, of the service and of the side's front process. */
    const load = async (side: Side, kind: 'read' | 'write', seconds: number, concurrency = CONCURRENCY) => {
      const job: LoadJob = {
        base: urlOf[side],
        auth,
        kind,
        caseIds: kind === 'read' ? caseIds.slice(0, CASES) : caseIds.slice(CASES),
        concurrency,
        seconds,
        warmupSeconds: 1,
        // Straight to the service, the load generator signs what the gateway would.
        assertionKey: side === 'direct' ? keys.privateKey : undefined,
      };
      const front = frontOf[side]?.pid;
      const before = { front: front ? cpuSeconds(front) : 0, service: cpuSeconds(svc.process.pid) };
      const result = await child<LoadResult>('load', { BENCH_LOAD_JOB: JSON.stringify(job) }).ready;
      const cpu = {
        frontCpuMs: front ? ms(((cpuSeconds(front) - before.front) * 1000) / result.sent) : 0,
        serviceCpuMs: ms(((cpuSeconds(svc.process.pid) - before.service) * 1000) / result.sent),
      };
      return { result, cpu };
    };
    const merge = (a: LoadResult, b: LoadResult): LoadResult => ({
      requests: a.requests + b.requests,
      sent: a.sent + b.sent,
      seconds: a.seconds + b.seconds,
      latencies: [...a.latencies, ...b.latencies].sort((x, y) => x - y),
      errors: a.errors + b.errors,
      firstError: a.firstError ?? b.firstError,
    });
    const mean = (xs: number[]) => ms(xs.reduce((x, y) => x + y, 0) / xs.length);
    const SIDES = ['direct', 'gateway', 'hop'] as const;
    /** Direct, gateway, hop, hop, gateway, direct (×rounds), so drift in the machine hits all alike. */
    const order = (rounds: number) =>
      Array.from({ length: rounds }, () => [...SIDES, ...[...SIDES].reverse()]).flat() as Side[];
    type Figures = ReturnType<typeof figures> & { serviceCpuMs: number; frontCpuMs: number };
    const measure = async (kind: 'read' | 'write', seconds: number, concurrency: number, rounds: number) => {
      const slices = { direct: [], gateway: [], hop: [] } as Record<Side, LoadResult[]>;
      const cpus = { direct: [], gateway: [], hop: [] } as Record<
        Side,
        { frontCpuMs: number; serviceCpuMs: number }[]
      >;
      for (const side of order(rounds)) {
        const { result, cpu } = await load(side, kind, seconds, concurrency);
        slices[side].push(result);
        cpus[side].push(cpu);
      }
      const out = {} as Record<Side, Figures>;
      for (const side of SIDES) {
        const merged = slices[side].reduce(merge);
        if (merged.errors > 0) throw new Error(`${kind} ${side}: ${merged.firstError}`);
        out[side] = {
          ...figures(merged),
          serviceCpuMs: mean(cpus[side].map((c) => c.serviceCpuMs)),
          frontCpuMs: mean(cpus[side].map((c) => c.frontCpuMs)),
        };
      }
      return out;
    };
    const load0 = loadavg()[0];
    const results = {} as Record<'read' | 'write', Record<Side, Figures>>;
    for (const kind of ['read', 'write'] as const) {
      // Unmeasured first: the gateway, the hop and the service compile their hot paths (a fresh
      // process runs its first few thousand requests slower), so no side is measured cold.
      await load('gateway', kind, WARMUP_SECONDS);
      await load('hop', kind, WARMUP_SECONDS);
      // Each side gets SECONDS in 2 × ROUNDS slices.
      results[kind] = await measure(kind, SECONDS / (2 * ROUNDS), CONCURRENCY, ROUNDS);
    }
    // Beside the target: what the gateway adds to one call when the machine is not saturated
    // (one request in flight), i.e. the hop itself rather than the queueing its CPU causes.
    const unloaded = {} as Record<'read' | 'write', { addedP50Ms: number; addedP99Ms: number }>;
    for (const kind of ['read', 'write'] as const) {
      const r = await measure(kind, 2, 1, 1);
      unloaded[kind] = {
        addedP50Ms: ms(r.gateway.p50Ms - r.direct.p50Ms),
        addedP99Ms: ms(r.gateway.p99Ms - r.direct.p99Ms),
      };
    }
    const verdict = (kind: 'read' | 'write') => {
      const { direct, gateway: g, hop: h } = results[kind];
      const cost = 1 - g.requestsPerSecond / direct.requestsPerSecond;
      const addedP99 = g.p99Ms - direct.p99Ms;
      return {
        throughputCostPct: Math.round(cost * 1000) / 10,
        addedP99Ms: ms(addedP99),
        bareHop: {
          throughputCostPct: Math.round((1 - h.requestsPerSecond / direct.requestsPerSecond) * 1000) / 10,
          addedP99Ms: ms(h.p99Ms - direct.p99Ms),
        },
        met: cost < 0.25 && addedP99 < 5,
      };
    };
    const report = {
      when: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        model: cpus()[0]?.model,
        loadAverage1m: { before: load0, after: loadavg()[0] },
      },
      concurrency: CONCURRENCY,
      secondsPerSide: SECONDS,
      unloaded,
      read: { request: 'GET /api/v1/hardship/cases/{caseId}', ...results.read, ...verdict('read') },
      write: {
        request: 'POST /api/v1/hardship/cases/{caseId}/visits',
        ...results.write,
        ...verdict('write'),
      },
    };
    mkdirSync(join(__dirname, 'results'), { recursive: true });
    writeFileSync(join(__dirname, 'results', 'gateway.json'), `${JSON.stringify(report, null, 2)}\n`);
    const row = (name: string, r: Figures) =>
      `| ${name} | ${r.requestsPerSecond} | ${r.p50Ms} | ${r.p99Ms} | ${r.serviceCpuMs} | ${r.frontCpuMs || '–'} |`;
    const line = (kind: 'read' | 'write') => {
      const { direct, gateway: g, hop: h } = results[kind];
      const v = report[kind];
      return `${kind}: gateway ${v.throughputCostPct}% of throughput, ${signed(v.addedP99Ms)} ms p99 (p50 ${signed(g.p50Ms - direct.p50Ms)} ms); bare hop ${v.bareHop.throughputCostPct}%, ${signed(v.bareHop.addedP99Ms)} ms p99 (p50 ${signed(h.p50Ms - direct.p50Ms)} ms).`;
    };
    const md = [
      `Concurrency ${CONCURRENCY}, ${SECONDS} s per side in ${2 * ROUNDS} slices interleaved (direct, gateway, bare hop, then back) ×${ROUNDS} after a ${WARMUP_SECONDS} s unmeasured warm-up, hardship-cases on PostgreSQL, gateway, bare hop and load generator each in its own process; ${report.machine.cpus} CPUs, load average ${load0.toFixed(1)} → ${loadavg()[0].toFixed(1)}.`,
      '',
      '| request | req/s | p50 ms | p99 ms | service CPU ms/req | gateway (or hop) CPU ms/req |',
      '|---|---|---|---|---|---|',
      row('read direct', results.read.direct),
      row('read via gateway', results.read.gateway),
      row('read via bare hop', results.read.hop),
      row('write direct', results.write.direct),
      row('write via gateway', results.write.gateway),
      row('write via bare hop', results.write.hop),
      '',
      `Target (gateway < 25% of throughput, < 5 ms added at p99): ${report.read.met && report.write.met ? 'met' : 'missed'}.`,
      '',
      `- ${line('read')}`,
      `- ${line('write')}`,
      '',
      `At concurrency 1 (the machine not saturated) the gateway adds ${signed(unloaded.read.addedP50Ms)} ms at p50 and ${signed(unloaded.read.addedP99Ms)} ms at p99 to a read, ${signed(unloaded.write.addedP50Ms)} / ${signed(unloaded.write.addedP99Ms)} ms to a write.`,
      '',
      "The bare hop forwards with the gateway's HTTP client and does nothing else: what any process of its own in the path costs on this machine. All the processes (service, PostgreSQL, gateway or hop, load generator) share the CPUs, so at concurrency 32 the machine is saturated and every millisecond of CPU in front of the service comes back as about 16 ms of queueing (32 requests in flight on 2 cores); the CPU ms per request (from /proc) is the part that does not depend on the load of the machine.",
    ].join('\n');
    writeBenchmarkSection('gateway', 'npm run bench:gateway', md, join(__dirname, '..', 'BENCHMARKS.md'));
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await dropDatabase(databaseUrl);
  }
}

const roles: Record<string, () => Promise<unknown>> = {
  service,
  gateway,
  hop,
  load: () => runLoad(JSON.parse(String(process.env.BENCH_LOAD_JOB)) as LoadJob),
};
if (ROLE === undefined) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
} else {
  // A clean exit on SIGTERM, so a CPU profile (BENCH_PROFILE) gets written.
  process.once('SIGTERM', () => process.exit(0));
  roles[ROLE]().then(
    (answer) => process.send?.(answer, () => ROLE === 'load' && process.exit(0)),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
