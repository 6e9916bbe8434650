import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { AdvisoryLockLeader, LEADER_LOCK_KEYS, type LeaderRole, type LeaderTask } from './leadership';
import { createDatabase, dropDatabase } from './testing';

const ROOT = resolve(__dirname, '../../../..');

/** A task that records what the leader told it. */
function recorder(): LeaderTask & { log: string[]; running: boolean } {
  const task = {
    log: [] as string[],
    running: false,
    start() {
      task.running = true;
      task.log.push('start');
    },
    stop(reason: 'lost' | 'shutdown') {
      task.running = false;
      task.log.push(`stop:${reason}`);
      return Promise.resolve();
    },
  };
  return task;
}

async function eventually(
  condition: () => boolean | Promise<boolean>,
  ms: number,
  what: string,
): Promise<number> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > ms) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return Date.now() - started;
}

/** A leader in its own process (testing/leader-process.ts); `lines` is what it printed. */
function leaderProcess(url: string, env: Record<string, string> = {}) {
  const lines: string[] = [];
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', './tools/register.js', 'libs/infrastructure/event-store/src/testing/leader-process.ts'],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, ...env },
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
  return { child, lines };
}

/** Issue 14, item 5: one relay and one sealer per service database, taken over within seconds. */
describe('AdvisoryLockLeader (real PostgreSQL)', () => {
  let url: string;
  let admin: Client;
  const leaders: AdvisoryLockLeader[] = [];
  const children: ChildProcess[] = [];
  const leader = (role: LeaderRole = 'relay', options: { url?: string; intervalMs?: number } = {}) => {
    const l = new AdvisoryLockLeader({
      role,
      url: options.url ?? url,
      intervalMs: options.intervalMs ?? 200,
    });
    leaders.push(l);
    return l;
  };
  /** The backend holding the role's lock in `url`'s database, if any. */
  const holderPid = async (role: LeaderRole = 'relay'): Promise<number | null> => {
    const { rows } = await admin.query<{ pid: number }>(
      `SELECT l.pid FROM pg_locks l JOIN pg_database d ON d.oid = l.database
       WHERE l.locktype = 'advisory' AND l.objid = $1 AND l.granted AND d.datname = $2`,
      [LEADER_LOCK_KEYS[role], new URL(url).pathname.slice(1)],
    );
    return rows[0]?.pid ?? null;
  };

  beforeAll(async () => {
    url = await createDatabase('leadership');
    admin = new Client({ connectionString: url });
    await admin.connect();
  });
  afterEach(async () => {
    await Promise.all(leaders.splice(0).map((l) => l.stop()));
    for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  });
  afterAll(async () => {
    await admin?.end();
    if (url) await dropDatabase(url);
  });

  it('runs the task on exactly one of two replicas; a clean stop hands over within about a second', async () => {
    const [a, b] = [leader(), leader()];
    const [ta, tb] = [recorder(), recorder()];
    a.run(ta);
    b.run(tb);
    await eventually(() => ta.running || tb.running, 5_000, 'a leader');
    for (let i = 0; i < 10; i++) {
      expect([ta.running, tb.running].filter(Boolean)).toHaveLength(1);
      await new Promise((r) => setTimeout(r, 100));
    }
    const [first, , firstTask, otherTask] = ta.running ? [a, b, ta, tb] : [b, a, tb, ta];
    await first.stop();
    expect(firstTask.log).toEqual(['start', 'stop:shutdown']);
    const took = await eventually(() => otherTask.running, 3_000, 'the standby taking over');
    expect(took).toBeLessThan(1_500);
    expect(first.status().leader).toBe(false);
  });

  it('keeps roles apart: the relay and the sealer each have one leader', async () => {
    const relay = leader('relay');
    const sealer = leader('sealer');
    relay.run(recorder());
    sealer.run(recorder());
    await eventually(() => relay.isLeader && sealer.isLeader, 5_000, 'both roles led');
    expect(await holderPid('relay')).not.toBeNull();
    expect(await holderPid('sealer')).not.toBeNull();
  });

  it('stops the task at once when the server ends its session, and the standby takes over', async () => {
    const [a, b] = [leader(), leader()];
    const [ta, tb] = [recorder(), recorder()];
    a.run(ta);
    await eventually(() => ta.running, 5_000, 'a leading');
    b.run(tb);
    await new Promise((r) => setTimeout(r, 500));
    expect(tb.running).toBe(false);

    await admin.query('SELECT pg_terminate_backend($1)', [await holderPid()]);
    const stopped = await eventually(() => !ta.running, 2_000, 'the old leader stopping');
    expect(ta.log).toEqual(['start', 'stop:lost']);
    await eventually(() => tb.running, 3_000, 'the standby taking over');
    console.log(`session terminated: old leader stopped its task after ${stopped} ms`);
    // The old leader reconnects as a standby and does not start the task again.
    await new Promise((r) => setTimeout(r, 800));
    expect(ta.log).toEqual(['start', 'stop:lost']);
    expect(a.status()).toMatchObject({ leader: false, mode: 'advisory-lock' });
  });

  it('takes over within seconds from a leader killed with -9', async () => {
    const holder = leaderProcess(url, { INTERVAL_MS: '200' });
    children.push(holder.child);
    await eventually(() => holder.lines.includes('start'), 20_000, 'the child leading');
    const standby = leader();
    const task = recorder();
    standby.run(task);
    await new Promise((r) => setTimeout(r, 600));
    expect(task.running).toBe(false);

    holder.child.kill('SIGKILL');
    const took = await eventually(() => task.running, 5_000, 'the standby taking over');
    console.log(`kill -9: standby leading ${took} ms later`);
    expect(took).toBeLessThan(3_000);
  });

  it('takes over from a frozen leader once the server ends its silent session; the old one stops when it wakes', async () => {
    const holder = leaderProcess(url, { INTERVAL_MS: '200', IDLE_MS: '1500' });
    children.push(holder.child);
    await eventually(() => holder.lines.includes('start'), 20_000, 'the child leading');
    const standby = leader();
    const task = recorder();
    standby.run(task);

    holder.child.kill('SIGSTOP');
    const took = await eventually(() => task.running, 8_000, 'the standby taking over');
    console.log(`frozen leader: standby leading ${took} ms later`);
    expect(took).toBeGreaterThanOrEqual(1_000);
    holder.child.kill('SIGCONT');
    await eventually(() => holder.lines.includes('stop:lost'), 5_000, 'the woken leader stopping');
    expect(holder.lines.filter((l) => l === 'start')).toHaveLength(1);
  });

  it('leads each database separately: the lock is per service database', async () => {
    const other = await createDatabase('leadership_other');
    try {
      const here = leader();
      const there = leader('relay', { url: other });
      here.run(recorder());
      there.run(recorder());
      await eventually(() => here.isLeader && there.isLeader, 5_000, 'one leader per database');
      await there.stop();
    } finally {
      await dropDatabase(other);
    }
  });
});
