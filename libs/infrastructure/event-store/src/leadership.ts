import { Client } from 'pg';

/** Work that must run on one replica at a time per service database (the relay, the sealer). */
export interface LeaderTask {
  start(): void;
  /**
   * `lost`: the lock is gone and another replica may already be leading: stop starting new work
   * now. `shutdown`: the process stops while still leader, so finishing touches may run.
   */
  stop(reason: 'lost' | 'shutdown'): Promise<void>;
}

/** What health detail and metrics show of one role. */
export interface LeaderStatus {
  role: string;
  leader: boolean;
  /** `advisory-lock` on PostgreSQL; `solo` where one process owns the database (PGlite). */
  mode: 'advisory-lock' | 'solo';
  /** When this replica became leader. */
  since?: string;
  /** Why the last attempt to connect or to hold the lock failed, while it keeps failing. */
  lastError?: string;
}

/** Runs a task while this replica is the leader of its role. */
export interface Leader {
  readonly isLeader: boolean;
  run(task: LeaderTask): void;
  /** Stops the task (as `shutdown` when leading) and gives up the role. */
  stop(): Promise<void>;
  status(): LeaderStatus;
}

/**
 * One advisory lock key per role; locks are per database, so one key serves every service.
 * `batches`: the runner of hardship holiday batches (one per database).
 */
export const LEADER_LOCK_KEYS = { relay: 7_372_010, sealer: 7_372_011, batches: 7_372_012 } as const;
export type LeaderRole = keyof typeof LEADER_LOCK_KEYS;

export interface AdvisoryLockLeaderOptions {
  role: LeaderRole;
  /** The service database's URL: the lock is held on a connection of its own, not the pool's. */
  url: string;
  /** How often a standby tries the lock and a leader checks it still holds it (default 1 s). */
  intervalMs?: number;
  /** The server ends a session silent this long, freeing its lock (default 10 s): see below. */
  sessionIdleTimeoutMs?: number;
  onChange?: (leader: boolean, reason: string) => void;
}

/**
 * Leadership by a session-level `pg_try_advisory_lock` on a dedicated connection. The server
 * frees the lock when the session ends, so a holder killed with -9 is replaced within one
 * interval. A holder whose connection fails (error, end, a query timing out) stops its task at
 * once and tries again on a new connection. A holder that freezes or loses the network cannot
 * notice anything; `idle_session_timeout` makes the server end its session after
 * `sessionIdleTimeoutMs` of silence (the leader speaks every interval), so a standby takes over
 * then. Such a holder may still finish the batch in hand when it wakes: the relay's checkpoint
 * only moves forward and consumers drop duplicates by event id.
 */
export class AdvisoryLockLeader implements Leader {
  private readonly intervalMs: number;
  private readonly key: number;
  private client: Client | null = null;
  private task: LeaderTask | null = null;
  private leader = false;
  private since?: Date;
  private lastError?: string;
  private stopping: Promise<void> = Promise.resolve();
  /** After losing the lock, a replica sits out a few intervals so a standby takes over first. */
  private restUntil = 0;
  private loop: Promise<void> | null = null;
  private active = false;
  private wake: (() => void) | null = null;

  constructor(private readonly options: AdvisoryLockLeaderOptions) {
    this.intervalMs = options.intervalMs ?? 1_000;
    this.key = LEADER_LOCK_KEYS[options.role];
  }

  get isLeader(): boolean {
    return this.leader;
  }

  run(task: LeaderTask): void {
    if (this.loop) return;
    this.task = task;
    this.active = true;
    this.loop = this.campaign();
  }

  async stop(): Promise<void> {
    this.active = false;
    this.wake?.();
    await this.loop;
    this.loop = null;
    await this.stopping;
    if (this.leader) {
      this.leader = false;
      // Still holding the lock: the task's last batch or seal runs as leader.
      await this.task?.stop('shutdown');
    }
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  status(): LeaderStatus {
    return {
      role: this.options.role,
      leader: this.leader,
      mode: 'advisory-lock',
      ...(this.since && { since: this.since.toISOString() }),
      ...(this.lastError !== undefined && { lastError: this.lastError }),
    };
  }

  private async campaign(): Promise<void> {
    while (this.active) {
      // A lost term's work has stopped before a new term can start it again.
      await this.stopping;
      try {
        const client = this.client ?? (await this.connect());
        if (!this.leader && Date.now() < this.restUntil) {
          // resting after a lost term
        } else if (!this.leader) {
          const { rows } = await client.query<{ locked: boolean }>(
            'SELECT pg_try_advisory_lock($1) AS locked',
            [this.key],
          );
          if (rows[0]?.locked && this.active && this.client === client) this.elected();
        } else {
          const { rows } = await client.query<{ held: boolean }>(
            `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()
               AND classid = 0 AND objid = $1 AND objsubid = 1 AND granted) AS held`,
            [this.key],
          );
          if (!rows[0]?.held) this.drop(client, 'the lock is no longer held');
        }
        this.lastError = undefined;
      } catch (error) {
        this.lastError = error instanceof Error ? error.message : String(error);
        if (this.client) this.drop(this.client, this.lastError);
      }
      await this.sleep();
    }
  }

  private async connect(): Promise<Client> {
    const client = new Client({
      connectionString: this.options.url,
      application_name: `leader:${this.options.role}`,
      keepAlive: true,
      connectionTimeoutMillis: 3_000,
      // A query the server does not answer counts as a lost connection.
      query_timeout: 3_000,
    });
    client.on('error', (error) => this.drop(client, error.message));
    client.on('end', () => this.drop(client, 'connection ended'));
    this.client = client;
    await client.connect();
    // PostgreSQL 14 or later. Never shorter than a few intervals, or a healthy leader would lose it.
    const idleMs = Math.max(this.options.sessionIdleTimeoutMs ?? 10_000, this.intervalMs * 3);
    await client.query(`SET idle_session_timeout = ${idleMs}`);
    return client;
  }

  private elected(): void {
    this.leader = true;
    this.since = new Date();
    this.options.onChange?.(true, 'acquired the lock');
    this.task?.start();
  }

  /** The connection is no use any more: as leader, the task stops now, before anything else. */
  private drop(client: Client, reason: string): void {
    if (this.client !== client) return;
    this.client = null;
    void client.end().catch(() => undefined);
    if (!this.leader) return;
    this.leader = false;
    this.since = undefined;
    this.restUntil = Date.now() + 3 * this.intervalMs;
    this.options.onChange?.(false, reason);
    this.stopping = (this.task?.stop('lost') ?? Promise.resolve()).catch(() => undefined);
  }

  private sleep(): Promise<void> {
    if (!this.active) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake?.(), this.intervalMs);
      timer.unref();
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }
}

/**
 * Always leader: for a database only this process can open (embedded PGlite). Every connection
 * to a PGlite server shares its one backend, so an advisory lock would not exclude anyone there.
 */
export class SoloLeader implements Leader {
  private task: LeaderTask | null = null;

  constructor(private readonly role: LeaderRole) {}

  get isLeader(): boolean {
    return this.task !== null;
  }

  run(task: LeaderTask): void {
    if (this.task) return;
    this.task = task;
    task.start();
  }

  async stop(): Promise<void> {
    const task = this.task;
    this.task = null;
    await task?.stop('shutdown');
  }

  status(): LeaderStatus {
    return { role: this.role, leader: this.isLeader, mode: 'solo' };
  }
}
