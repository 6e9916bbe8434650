import { Kafka, logLevel, type Admin } from 'kafkajs';
import { errorMessage } from './json-log';
import { kafkaClientConfig, type KafkaSettings } from './kafka.settings';

/** The broker as one service sees it, for health detail and metrics. */
export interface BrokerStatus {
  transport: 'kafka' | 'in-process';
  reachable: boolean;
  /** Why the broker could not be asked, when it could not. */
  error?: string;
  /**
   * Per consumed topic, messages the service's consumer group has not processed yet (end offset
   * minus committed offset, summed over partitions). Absent when unknown.
   */
  consumerLag?: Record<string, number>;
}

/** Asks the broker how it is; never throws (an unreachable broker is an answer). */
export interface BrokerProbe {
  status(): Promise<BrokerStatus>;
  close(): Promise<void>;
}

/** The in-process bus is part of the process: always there. */
export const inProcessProbe: BrokerProbe = {
  status: () => Promise.resolve({ transport: 'in-process', reachable: true }),
  close: () => Promise.resolve(),
};

const ASK_TIMEOUT_MS = 2_500;

/**
 * Reaches the Kafka cluster with an admin client of its own and reads the consumer group's
 * lag. Answers within about 2.5 s (hardly any retries: the next probe is the retry), and reuses an
 * answer younger than `cacheMs`, so frequent readiness probes cost the broker little.
 */
export class KafkaProbe implements BrokerProbe {
  private admin: Admin | null = null;
  private last: { at: number; status: BrokerStatus } | null = null;
  private asking: Promise<BrokerStatus> | null = null;

  constructor(
    private readonly settings: KafkaSettings,
    private readonly group: { groupId: string; topics: readonly string[] },
    private readonly cacheMs = 2_000,
  ) {}

  status(): Promise<BrokerStatus> {
    if (this.last && Date.now() - this.last.at < this.cacheMs) return Promise.resolve(this.last.status);
    this.asking ??= this.ask().then((status) => {
      this.last = { at: Date.now(), status };
      this.asking = null;
      return status;
    });
    return this.asking;
  }

  async close(): Promise<void> {
    await this.asking;
    await this.reset();
  }

  private async ask(): Promise<BrokerStatus> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ASK_TIMEOUT_MS} ms`)), ASK_TIMEOUT_MS);
    });
    try {
      const consumerLag = await Promise.race([this.readLag(), timeout]);
      return { transport: 'kafka', reachable: true, consumerLag };
    } catch (error) {
      await this.reset();
      return { transport: 'kafka', reachable: false, error: errorMessage(error) };
    } finally {
      clearTimeout(timer);
    }
  }

  private async readLag(): Promise<Record<string, number>> {
    if (!this.admin) {
      const admin = new Kafka({
        ...kafkaClientConfig(this.settings),
        // The relay and the consumers already log an outage; the probe reports it in health.
        logLevel: logLevel.NOTHING,
        connectionTimeout: 1_000,
        requestTimeout: 2_000,
        // A couple of quick retries (a coordinator being looked up answers "retry"), no more:
        // the next probe is the real retry.
        retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 300 },
      }).admin();
      this.admin = admin;
      await admin.connect();
    }
    const admin = this.admin;
    const { groupId, topics } = this.group;
    if (topics.length === 0) {
      // A service that consumes nothing (organisation) has no lag; the broker must still answer.
      await admin.describeCluster();
      return {};
    }
    const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
    const lag: Record<string, number> = {};
    for (const { topic, partitions } of committed) {
      const ends = await admin.fetchTopicOffsets(topic);
      lag[topic] = ends.reduce((sum, end) => {
        const done = Number(partitions.find((p) => p.partition === end.partition)?.offset ?? -1);
        // -1: the group has committed nothing there yet, so everything retained is still to do.
        return sum + Math.max(0, Number(end.high) - (done >= 0 ? done : Number(end.low)));
      }, 0);
    }
    return lag;
  }

  private async reset(): Promise<void> {
    const admin = this.admin;
    this.admin = null;
    await admin?.disconnect().catch(() => undefined);
  }
}
