import { SERVICES, type FaultPlatform, type ServiceName } from './fault-platform';
import { sleep } from './http-client';
import { producePoison, type Poison } from './poison';
import { CONSUMES, type Sampler } from './sampler';

/** When a phase began and ended, when its fault was injected and cleared (harness clock, ms). */
export interface PhaseRecord {
  name: string;
  fault: string;
  /** The services whose writes the fault cuts; empty when it cuts only the pipeline. */
  affects: ServiceName[];
  start: number;
  injected?: number;
  /** When the harness undid the fault (restart issued); recovery is measured from here. */
  cleared?: number;
  end: number;
  /** Messages the reset made the consumers read again (all already in their inboxes). */
  redelivered?: number;
  /** Why the phase could not be run to its end (the later phases were then skipped). */
  error?: string;
}

export interface PhaseContext {
  platform: FaultPlatform;
  sampler: Sampler;
  poison: Poison[];
}

type Phase = {
  name: string;
  fault: string;
  affects: ServiceName[];
  run(ctx: PhaseContext, r: PhaseRecord): Promise<void>;
};

const HOLD_MS = Number(process.env.FAULTS_HOLD_MS ?? 8_000);
const BROKER_DOWN_MS = 20_000;

const killAndRestart = (id: 'gateway' | ServiceName): Phase => ({
  name: `kill -9 ${id}`,
  fault: `SIGKILL of ${id} mid-load, then restarted`,
  affects: id === 'gateway' ? [...SERVICES] : [id],
  async run({ platform }, r) {
    const p = id === 'gateway' ? platform.gateway : platform.replicas[id][0];
    r.injected = Date.now();
    await p.kill9();
    await sleep(2000);
    r.cleared = Date.now();
    await p.start();
    // The whole hold after the restart: the restarted service has the same time to take writes
    // within its phase as the others have (its boot runs more migrations and leaders since issue 15).
    await sleep(HOLD_MS);
  },
});

/** The faults, in order, each while the load runs. */
export const PHASES: Phase[] = [
  { name: 'baseline', fault: 'none', affects: [], run: () => sleep(HOLD_MS) },
  {
    name: 'broker outage',
    fault: `Kafka stopped for ${BROKER_DOWN_MS / 1000} s, then started again`,
    affects: [],
    async run({ platform }, r) {
      r.injected = Date.now();
      await platform.kafka.stop();
      await sleep(BROKER_DOWN_MS);
      r.cleared = Date.now();
      await platform.kafka.start();
      await sleep(HOLD_MS);
    },
  },
  ...(['hardship-cases', 'education-grants', 'medical-aid', 'gateway'] as const).map(killAndRestart),
  {
    name: 'postgres restart',
    fault: 'pg_ctl restart -m immediate (a crash of the server, recovery from the WAL)',
    affects: [...SERVICES],
    async run({ platform, sampler }, r) {
      await sampler.sampleNow(); // pg_stat_statements does not survive a crash
      r.injected = Date.now();
      await platform.pg.restart('immediate');
      r.cleared = Date.now();
      await sleep(HOLD_MS);
    },
  },
  {
    name: 'consumer groups reset',
    fault: 'every service stopped, its consumer group reset to the earliest offset, started again',
    affects: [...SERVICES],
    async run({ platform }, r) {
      r.injected = Date.now();
      await Promise.all(SERVICES.map((s) => platform.replicas[s][0].stop()));
      let redelivered = 0;
      for (const s of SERVICES) {
        redelivered += await platform.kafka.committed(s, CONSUMES[s]);
        await platform.kafka.resetToEarliest(s, CONSUMES[s]);
      }
      r.redelivered = redelivered;
      r.cleared = Date.now();
      await Promise.all(SERVICES.map((s) => platform.replicas[s][0].start()));
      await sleep(HOLD_MS);
    },
  },
  {
    name: 'poison messages',
    fault: 'non-JSON bytes and contract-violating events produced onto every topic',
    affects: [],
    async run(ctx, r) {
      r.injected = Date.now();
      ctx.poison.push(...(await producePoison(ctx.platform)));
      r.cleared = Date.now();
      await sleep(HOLD_MS * 1.5);
    },
  },
  {
    name: 'second replicas',
    fault: 'a second replica of each service started; gateway restarted routing to both',
    affects: [...SERVICES],
    async run({ platform }) {
      await Promise.all(SERVICES.map((s) => platform.replicas[s][1].start()));
      await platform.routeToBothReplicas();
      await sleep(HOLD_MS / 2);
    },
  },
  {
    name: 'replica killed',
    fault: 'kill -9 of the first replica of each service mid-load; the second carries on alone',
    affects: [...SERVICES],
    async run({ platform }, r) {
      r.injected = Date.now();
      await Promise.all(SERVICES.map((s) => platform.replicas[s][0].kill9()));
      r.cleared = r.injected;
      await sleep(HOLD_MS * 1.5);
    },
  },
];

/** Runs every phase in order and returns what happened when; a phase that fails ends the run. */
export async function runPhases(ctx: PhaseContext, log: (line: string) => void): Promise<PhaseRecord[]> {
  const records: PhaseRecord[] = [];
  for (const phase of PHASES) {
    const r: PhaseRecord = {
      name: phase.name,
      fault: phase.fault,
      affects: phase.affects,
      start: Date.now(),
      end: 0,
    };
    log(`phase ${phase.name}: ${phase.fault}`);
    try {
      await phase.run(ctx, r);
    } catch (error) {
      r.error = (error as Error).message;
      log(`phase ${phase.name} failed: ${r.error}`);
    }
    r.end = Date.now();
    records.push(r);
    if (r.error) break;
  }
  return records;
}
