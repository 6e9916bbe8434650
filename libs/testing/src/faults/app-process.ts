import type { ChildProcess } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  writeFileSync,
  type WriteStream,
} from 'node:fs';
import { join } from 'node:path';
import { ROOT, spawnApp } from '../app-launch';

/** One app process (a service replica or the gateway) the suite can start, kill -9 and restart. */
export interface AppProcess {
  /** e.g. `hardship-cases#2`, `gateway`. */
  readonly id: string;
  readonly port: number;
  readonly url: string;
  readonly running: boolean;
  /** Exits the suite did not ask for (each one was restarted, as a supervisor would). */
  readonly unbidden: { at: number; code: number | null; signal: string | null }[];
  /** Spawns the process and resolves once `readyPath` answers 200. */
  start(env?: NodeJS.ProcessEnv): Promise<void>;
  /** SIGKILL: no shutdown hooks, open transactions and in-flight requests cut. */
  kill9(): Promise<void>;
  /** SIGTERM and wait (graceful: the Kafka consumer leaves its group). */
  stop(): Promise<void>;
  /** Stops it for good: no supervisor restart afterwards. */
  close(): Promise<void>;
}

export interface AppSpec {
  id: string;
  /** Folder under apps/. */
  app: string;
  port: number;
  env: NodeJS.ProcessEnv;
  readyPath: string;
  logDir: string;
}

/** A process of `apps/<app>/src/main.ts`; its output goes to `<logDir>/<id>.log`, restarts appended. */
export function appProcess(spec: AppSpec): AppProcess {
  let child: ChildProcess | null = null;
  let env = spec.env;
  let log: WriteStream | null = null;
  const unbidden: AppProcess['unbidden'] = [];
  const url = `http://127.0.0.1:${spec.port}`;
  const bidden = new WeakSet<ChildProcess>();
  const serving = new WeakSet<ChildProcess>();
  let closed = false;

  const spawnChild = () => {
    log ??= createWriteStream(join(spec.logDir, `${spec.id.replace('#', '-')}.log`), { flags: 'a' });
    log.write(`\n===== ${new Date().toISOString()} start ${spec.id} on ${spec.port}\n`);
    const c = spawnApp(spec.app, env);
    c.stdout?.pipe(log, { end: false });
    c.stderr?.pipe(log, { end: false });
    c.once('exit', (code, signal) => {
      log?.write(`===== ${new Date().toISOString()} exit ${spec.id} code ${code} signal ${signal}\n`);
      if (child === c) child = null;
      // Killed by the suite, or never ready (start() reports that itself).
      if (bidden.has(c) || !serving.has(c)) return;
      // Nobody asked it to go: count it, and bring it back after a second like a supervisor.
      unbidden.push({ at: Date.now(), code, signal });
      setTimeout(() => void (child || closed ? undefined : self.start().catch(() => undefined)), 1000);
    });
    child = c;
    mkdirSync(pidDir(spec.logDir), { recursive: true });
    writeFileSync(join(pidDir(spec.logDir), `${spec.id.replace('#', '-')}.pid`), String(c.pid));
    return c;
  };

  const self: AppProcess = {
    id: spec.id,
    port: spec.port,
    url,
    get running() {
      return child !== null;
    },
    unbidden,
    async start(next) {
      if (next) env = next;
      if (child) return;
      const c = spawnChild();
      try {
        await waitFor200(`${url}${spec.readyPath}`, c, 180_000, spec.id);
        serving.add(c);
      } catch (error) {
        bidden.add(c);
        c.kill('SIGKILL');
        throw error;
      }
    },
    async kill9() {
      const c = child;
      if (!c) return;
      bidden.add(c);
      const exited = new Promise((r) => c.once('exit', r));
      c.kill('SIGKILL');
      await exited;
    },
    async stop() {
      const c = child;
      if (!c) return;
      bidden.add(c);
      const exited = new Promise((r) => c.once('exit', r));
      const timer = setTimeout(() => c.kill('SIGKILL'), 15_000);
      c.kill('SIGTERM');
      await exited;
      clearTimeout(timer);
    },
    async close() {
      closed = true;
      await self.stop();
    },
  };
  return self;
}

async function waitFor200(url: string, c: ChildProcess, timeoutMs: number, id: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (c.exitCode !== null || c.signalCode !== null)
      throw new Error(`${id} exited (code ${c.exitCode}, signal ${c.signalCode}) before it was ready`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${id} was not ready within ${timeoutMs} ms (${url})`);
}

const pidDir = (logDir: string) => join(logDir, '..', 'pids');

/**
 * SIGKILLs the apps an aborted run of the suite left behind (pids it recorded under `logDir`),
 * each only if it still runs one of this checkout's app mains.
 */
export function killLeftoverApps(logDir: string): void {
  const dir = pidDir(logDir);
  if (!existsSync(dir)) return;
  for (const file of readdirSync(dir)) {
    const pid = Number(readFileSync(join(dir, file), 'utf8'));
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (
        cmdline.includes('tools/register.js') &&
        cmdline.includes('/src/main.ts') &&
        readlinkSync(`/proc/${pid}/cwd`) === ROOT
      )
        process.kill(pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }
}
