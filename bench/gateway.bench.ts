// What the gateway costs (issue 6): requests/s and p50/p99 of a read (GET /cases/{id}) and a write
// (POST /cases/{id}/visits) at concurrency 32, through the gateway and straight to the service, in
// one run. As in production: the hardship-cases service on a fresh database of the real PostgreSQL
// server (TEST_DATABASE_URL or the local one), the gateway and the load generator each in a process
// of their own. Target: through the gateway at least 75% of the direct throughput, p99 + < 5 ms.
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
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const figures = (r: LoadResult) => ({
  requests: r.requests,
  requestsPerSecond: Math.round(r.requests / r.seconds),
  p50Ms: ms(quantile(r.latencies, 0.5)),
  p99Ms: ms(quantile(r.latencies, 0.99)),
  errors: r.errors,
});

async function main(): Promise<void> {
  const { createDatabase, dropDatabase } = await import('@union/event-store/testing');
  const { signDevToken } = await import('@union/platform');
  const { idNumberWithCheckChar } = await import('@union/kernel');
  const databaseUrl = await createDatabase('bench_gateway');
  const jwtSecret = randomBytes(32).toString('hex');
  const env = {
    JWT_SECRET: jwtSecret,
    PERSON_REF_SECRET: randomBytes(32).toString('hex'),
    AUTH_DEV_LOGIN: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    BENCH_DATABASE_URL: databaseUrl,
    // One bench user sends thousands of requests a minute; the limiter still runs on each.
    RATE_LIMIT_PER_MINUTE: '1000000000',
  };
  const children: ChildProcess[] = [];
  try {
    const svc = child<string>('service', env);
    children.push(svc.process);
    const serviceUrl = await svc.ready;
    const unused = 'http://127.0.0.1:9';
    const gw = child<string>('gateway', {
      ...env,
      HARDSHIP_CASES_URL: serviceUrl,
      EDUCATION_GRANTS_URL: unused,
      MEDICAL_AID_URL: unused,
    });
    children.push(gw.process);
    const gatewayUrl = await gw.ready;
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
      };
      const res = await fetch(`${serviceUrl}/api/v1/hardship/cases`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (res.status !== 201) throw new Error(`opening a case: ${res.status} ${await res.text()}`);
      caseIds.push(((await res.json()) as { caseId: string }).caseId);
    }
    const load = async (base: string, kind: 'read' | 'write', seconds: number, concurrency = CONCURRENCY) => {
      const job: LoadJob = {
        base,
        auth,
        kind,
        caseIds: kind === 'read' ? caseIds.slice(0, CASES) : caseIds.slice(CASES),
        concurrency,
        seconds,
        warmupSeconds: 1,
      };
      const before = { gateway: cpuSeconds(gw.process.pid), service: cpuSeconds(svc.process.pid) };
      const result = await child<LoadResult>('load', { BENCH_LOAD_JOB: JSON.stringify(job) }).ready;
      cpu.gateway += cpuSeconds(gw.process.pid) - before.gateway;
      cpu.service += cpuSeconds(svc.process.pid) - before.service;
      return result;
    };
    const cpu = { gateway: 0, service: 0 };
    /** CPU ms per request of the gateway and the service over the loads run since the last call. */
    const cpuPerRequest = (sent: number) => {
      const answer = {
        gatewayCpuMs: ms((cpu.gateway * 1000) / sent),
        serviceCpuMs: ms((cpu.service * 1000) / sent),
      };
      [cpu.gateway, cpu.service] = [0, 0];
      return answer;
    };
    const merge = (a: LoadResult, b: LoadResult): LoadResult => ({
      requests: a.requests + b.requests,
      sent: a.sent + b.sent,
      seconds: a.seconds + b.seconds,
      latencies: [...a.latencies, ...b.latencies].sort((x, y) => x - y),
      errors: a.errors + b.errors,
      firstError: a.firstError ?? b.firstError,
    });
    const load0 = loadavg()[0];
    const results: Record<string, Record<string, ReturnType<typeof figures> & Record<string, number>>> = {};
    for (const kind of ['read', 'write'] as const) {
      // Unmeasured first: the gateway and the service compile their hot paths (a fresh process
      // runs its first few thousand requests slower), so neither side is measured cold.
      await load(gatewayUrl, kind, WARMUP_SECONDS);
      cpuPerRequest(1);
      // ABBA, twice: direct, gateway, gateway, direct, …, so drift in the machine's speed (it is
      // shared, and varies by a tenth from one second to the next) hits both sides alike.
      const slices = { direct: [] as LoadResult[], gateway: [] as LoadResult[] };
      const cpuOf = {
        direct: [] as ReturnType<typeof cpuPerRequest>[],
        gateway: [] as ReturnType<typeof cpuPerRequest>[],
      };
      for (let round = 0; round < ROUNDS; round++) {
        for (const side of ['direct', 'gateway', 'gateway', 'direct'] as const) {
          const result = await load(
            side === 'direct' ? serviceUrl : gatewayUrl,
            kind,
            SECONDS / (2 * ROUNDS),
          );
          slices[side].push(result);
          cpuOf[side].push(cpuPerRequest(result.sent));
        }
      }
      const [direct, through] = [slices.direct.reduce(merge), slices.gateway.reduce(merge)];
      if (direct.errors + through.errors > 0)
        throw new Error(`${kind}: ${direct.firstError ?? through.firstError}`);
      const mean = (xs: number[]) => ms(xs.reduce((a, b) => a + b, 0) / xs.length);
      results[kind] = {
        direct: {
          ...figures(direct),
          serviceCpuMs: mean(cpuOf.direct.map((c) => c.serviceCpuMs)),
          gatewayCpuMs: 0,
        },
        gateway: {
          ...figures(through),
          serviceCpuMs: mean(cpuOf.gateway.map((c) => c.serviceCpuMs)),
          gatewayCpuMs: mean(cpuOf.gateway.map((c) => c.gatewayCpuMs)),
        },
      };
    }
    // Beside the target: what the gateway adds to one call when the machine is not saturated
    // (one request in flight, ABBA), i.e. the hop itself rather than the queueing its CPU causes.
    const unloaded: Record<string, { addedP50Ms: number; addedP99Ms: number }> = {};
    for (const kind of ['read', 'write'] as const) {
      const slices = { direct: [] as LoadResult[], gateway: [] as LoadResult[] };
      for (const side of ['direct', 'gateway', 'gateway', 'direct'] as const) {
        slices[side].push(await load(side === 'direct' ? serviceUrl : gatewayUrl, kind, 2, 1));
      }
      const [d, g] = [figures(slices.direct.reduce(merge)), figures(slices.gateway.reduce(merge))];
      unloaded[kind] = { addedP50Ms: ms(g.p50Ms - d.p50Ms), addedP99Ms: ms(g.p99Ms - d.p99Ms) };
    }
    const verdict = (kind: string) => {
      const { direct, gateway: g } = results[kind];
      const cost = 1 - g.requestsPerSecond / direct.requestsPerSecond;
      const addedP99 = g.p99Ms - direct.p99Ms;
      return {
        throughputCostPct: Math.round(cost * 1000) / 10,
        addedP99Ms: ms(addedP99),
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
    const row = (name: string, r: ReturnType<typeof figures> & Record<string, number>) =>
      `| ${name} | ${r.requestsPerSecond} | ${r.p50Ms} | ${r.p99Ms} | ${r.serviceCpuMs} | ${r.gatewayCpuMs || '–'} |`;
    const md = [
      `Concurrency ${CONCURRENCY}, ${SECONDS} s per side in ${2 * ROUNDS} slices interleaved ABBA ×${ROUNDS} after a ${WARMUP_SECONDS} s unmeasured warm-up, hardship-cases on PostgreSQL, gateway and load generator each in its own process; ${report.machine.cpus} CPUs, load average ${load0.toFixed(1)} → ${loadavg()[0].toFixed(1)} (other work was running).`,
      '',
      '| request | req/s | p50 ms | p99 ms | service CPU ms/req | gateway CPU ms/req |',
      '|---|---|---|---|---|---|',
      row('read direct', results.read.direct),
      row('read via gateway', results.read.gateway),
      row('write direct', results.write.direct),
      row('write via gateway', results.write.gateway),
      '',
      `Gateway cost: read ${report.read.throughputCostPct}% of throughput, +${report.read.addedP99Ms} ms p99; write ${report.write.throughputCostPct}%, +${report.write.addedP99Ms} ms p99. Target (< 25%, < 5 ms): ${report.read.met && report.write.met ? 'met' : 'missed'}.`,
      '',
      `At concurrency 1 (the machine not saturated) the gateway adds ${unloaded.read.addedP50Ms} ms at p50 and ${unloaded.read.addedP99Ms} ms at p99 to a read, ${unloaded.write.addedP50Ms} / ${unloaded.write.addedP99Ms} ms to a write.`,
      '',
      'All four processes (service, PostgreSQL, gateway, load generator) share the CPUs, so on a saturated machine every millisecond of gateway CPU is taken from the service and shows up as queueing at p99; the CPU ms per request (from /proc) is the part that does not depend on the load of the machine.',
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
