// A leader in a process of its own, for leadership.e2e.spec.ts to kill (-9) or freeze (SIGSTOP):
// holds ROLE's leadership on DATABASE_URL and prints each start and stop of its task as a line.
import { AdvisoryLockLeader, type LeaderRole } from '../leadership';

const print = (event: string): void => void process.stdout.write(`${event}\n`);
const leader = new AdvisoryLockLeader({
  role: (process.env.ROLE ?? 'relay') as LeaderRole,
  url: process.env.DATABASE_URL ?? '',
  intervalMs: Number(process.env.INTERVAL_MS ?? 1_000),
  sessionIdleTimeoutMs: Number(process.env.IDLE_MS ?? 10_000),
});
leader.run({
  start: () => print('start'),
  stop: (reason) => Promise.resolve(print(`stop:${reason}`)),
});
print('running');
process.once('SIGTERM', () => void leader.stop().then(() => process.exit(0)));
