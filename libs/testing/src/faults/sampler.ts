import { Pool } from 'pg';
import { TOPICS } from '@union/contracts';
import { SERVICES, type FaultPlatform, type ServiceName } from './fault-platform';

/** What each service's consumer group reads (its Kafka group id is the service's name). */
export const CONSUMES: Record<ServiceName, readonly string[]> = {
  'hardship-cases': [TOPICS.educationGrants, TOPICS.medicalAidClaims],
  'education-grants': [TOPICS.hardshipCases],
  'medical-aid': [TOPICS.hardshipCases],
  organisation: [],
};
export const PUBLISHES: Record<ServiceName, string> = {
  'hardship-cases': TOPICS.hardshipCases,
  'education-grants': TOPICS.educationGrants,
  'medical-aid': TOPICS.medicalAidClaims,
  organisation: TOPICS.organisationUnits,
};

/** One look at the pipeline; null where the database or broker did not answer. */
export interface Sample {
  at: number;
  relayLag: number | null;
  consumerLag: number | null;
  /** Since the start of the run: inbox inserts that found the event already there. */
  inboxDuplicates: number;
}

// The relay's own readiness query: committed events after its checkpoint.
const RELAY_LAG = `SELECT count(*)::int AS lag FROM events e WHERE (e.transaction_id, e.global_position) >
  coalesce((SELECT (c.transaction_id, c.global_position) FROM checkpoints c WHERE c.subscription = $1),
           ('0'::xid8, 0::bigint))`;

// pg_stat_statements counts calls and rows of each statement: an `INSERT ... ON CONFLICT DO
// NOTHING RETURNING` that returned no row met a row already there. Reset by a crash of the
// server, hence the running totals below.
const CONFLICTS = `SELECT coalesce(sum(calls - rows), 0)::int AS inbox FROM pg_stat_statements
  WHERE query ILIKE 'insert into inbox%'`;

/** Samples relay lag, consumer lag and absorbed duplicates every `intervalMs` until stopped. */
export class Sampler {
  readonly samples: Sample[] = [];
  private readonly pools: Map<string, Pool>;
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> = Promise.resolve();
  private last = 0;
  private total = 0;

  constructor(private readonly platform: FaultPlatform) {
    const urls = [...SERVICES.map((s) => platform.databaseUrls[s]), platform.pg.url('postgres')];
    this.pools = new Map(urls.map((u) => [u, pool(u)]));
  }

  start(intervalMs = 1000): void {
    this.timer = setInterval(() => void this.sampleNow(), intervalMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.inFlight;
    await Promise.all([...this.pools.values()].map((p) => p.end().catch(() => undefined)));
  }

  /** Takes one sample now, after any in flight (also called right before the database is restarted). */
  sampleNow(): Promise<void> {
    this.inFlight = this.inFlight.then(() => this.sample()).catch(() => undefined);
    return this.inFlight;
  }

  async relayLag(): Promise<number | null> {
    const lags = await Promise.all(
      SERVICES.map((s) =>
        this.query<{ lag: number }>(this.platform.databaseUrls[s], RELAY_LAG, [`relay:${PUBLISHES[s]}`]),
      ),
    );
    return lags.every((l) => l) ? lags.reduce((n, l) => n + (l?.[0]?.lag ?? 0), 0) : null;
  }

  async consumerLag(): Promise<number | null> {
    try {
      let lag = 0;
      for (const s of SERVICES) lag += await this.platform.kafka.consumerLag(s, CONSUMES[s]);
      return lag;
    } catch {
      return null;
    }
  }

  private async sample(): Promise<void> {
    const at = Date.now();
    const [relayLag, consumerLag, conflicts] = await Promise.all([
      this.relayLag(),
      this.consumerLag(),
      this.query<{ inbox: number }>(this.platform.pg.url('postgres'), CONFLICTS, []),
    ]);
    const now = conflicts?.[0]?.inbox;
    if (now !== undefined) {
      // A counter that went down was reset by a crash: count from zero again.
      this.total += now >= this.last ? now - this.last : now;
      this.last = now;
    }
    this.samples.push({ at, relayLag, consumerLag, inboxDuplicates: this.total });
  }

  private async query<T>(url: string, sql: string, params: unknown[]): Promise<T[] | null> {
    try {
      const p = this.pools.get(url);
      return p ? ((await p.query(sql, params)).rows as T[]) : null;
    } catch {
      return null;
    }
  }
}

/** A one-connection pool that reconnects after the server went away. */
export function pool(url: string): Pool {
  const p = new Pool({
    connectionString: url,
    max: 2,
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 5000,
  });
  p.on('error', () => undefined);
  return p;
}
