import {
  checkpointOf,
  type CheckpointLag,
  type Checkpoints,
  type EventStore,
  type StoredEvent,
} from '@union/event-store';
import { systemClock, type Clock } from '@union/kernel';
import { errorMessage, writeJsonLine, type JsonLog } from './json-log';
import type { MessagePublisher, OutgoingMessage } from './messaging.port';

/** What the relay reads, how it maps and where it publishes. */
export interface OutboxRelayOptions {
  /** The checkpoint's subscription name, e.g. `relay:hardship-cases`. */
  name: string;
  store: EventStore;
  checkpoints: Checkpoints;
  publisher: MessagePublisher;
  /** The integration message for a stored event, or null when the event stays in the service. */
  map: (event: StoredEvent) => OutgoingMessage | null;
  batchSize?: number;
  /** Sleep when the log has nothing new (default 100 ms); nudge() cuts it short. */
  idleMs?: number;
  clock?: Clock;
  log?: JsonLog;
}

/** For readiness and metrics. */
export interface RelayStatus {
  running: boolean;
  /** The last failure, cleared by the next successful batch. */
  lastError?: string;
  lastPublishedAt?: Date;
  /** Messages published since start. */
  published: number;
}

const MAX_BACKOFF_MS = 5_000;

/**
 * The transactional outbox without an outbox table (ARCHITECTURE.md, "Kafka"): the event log
 * is the outbox. Reads committed events in commit order from its checkpoint, publishes the
 * mapped ones, and moves the checkpoint only after the broker acknowledged them. A crash or a
 * broker outage re-sends a batch at worst (consumers deduplicate by event id), never loses one:
 * the events wait in the log. One relay runs per service database (the runtime starts it only
 * on the replica that holds the relay's leadership, see `@union/event-store` leadership).
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly idleMs: number;
  private readonly clock: Clock;
  private readonly log: JsonLog;
  private queue: Promise<unknown> = Promise.resolve();
  private loop: Promise<void> | null = null;
  private running = false;
  private nudged = false;
  private wakeUp: (() => void) | null = null;
  private lastError?: string;
  private lastPublishedAt?: Date;
  private published = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.idleMs = options.idleMs ?? 100;
    this.clock = options.clock ?? systemClock;
    this.log = options.log ?? writeJsonLine;
  }

  /**
   * Relays one batch and returns how many events it read (published or not), so a full batch
   * means more may be waiting. Calls are serialised: two at once would publish a batch twice.
   */
  runOnce(): Promise<number> {
    const run = this.queue.then(() => this.relayBatch());
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Relays continuously until stop(); failures back off exponentially up to 5 s. */
  start(): void {
    if (this.loop) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after the batch in hand, so its checkpoint is written before the database closes. */
  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
    this.loop = null;
  }

  /** New events were appended: relay them now instead of after the idle sleep. */
  nudge(): void {
    this.nudged = true;
    this.wakeUp?.();
  }

  status(): RelayStatus {
    return {
      running: this.running,
      published: this.published,
      ...(this.lastError !== undefined && { lastError: this.lastError }),
      ...(this.lastPublishedAt && { lastPublishedAt: this.lastPublishedAt }),
    };
  }

  /** What is still to publish: events committed after the checkpoint, and the oldest one's age. */
  lag(): Promise<CheckpointLag> {
    return this.options.checkpoints.lag(this.options.name);
  }

  private async relayBatch(): Promise<number> {
    const { name, store, checkpoints, publisher, map } = this.options;
    const events = await store.readAll(await checkpoints.get(name), this.batchSize);
    if (events.length === 0) return 0;
    const messages = events.map(map).filter((m): m is OutgoingMessage => m !== null);
    if (messages.length > 0) await publisher.publish(messages);
    // Only now: had publish failed, the checkpoint would still point before this batch. Forward
    // only: a relay that lost its leadership mid-batch must not undo its successor's progress.
    await checkpoints.advance(name, checkpointOf(events[events.length - 1]));
    if (messages.length > 0) {
      this.published += messages.length;
      this.lastPublishedAt = this.clock.now();
    }
    return events.length;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      this.nudged = false;
      try {
        const read = await this.runOnce();
        failures = 0;
        this.lastError = undefined;
        if (read < this.batchSize) await this.sleep(this.idleMs, true);
      } catch (error) {
        failures++;
        this.lastError = errorMessage(error);
        const backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(this.idleMs, 100) * 2 ** (failures - 1));
        this.log({
          level: 'warn',
          message: 'outbox relay failed; events wait in the log',
          relay: this.options.name,
          failures,
          retryInMs: backoffMs,
          error: this.lastError,
        });
        // A nudge does not cut the backoff short: with the broker away, every command would
        // otherwise trigger another attempt.
        await this.sleep(backoffMs, false);
      }
    }
  }

  private sleep(ms: number, wakeOnNudge: boolean): Promise<void> {
    if (!this.running || (wakeOnNudge && this.nudged)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = () => {
        if (!this.running || wakeOnNudge) done();
      };
    });
  }
}
