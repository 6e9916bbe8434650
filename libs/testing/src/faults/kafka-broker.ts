import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel, type Admin, type IHeaders, type Producer } from 'kafkajs';

const run = promisify(execFile);

/** A message as read back from a topic: headers as strings, the value as the bytes produced. */
export interface TopicMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string;
  headers: Record<string, string>;
  value: Buffer | null;
}

/** The suite's own broker (infra/kafka scripts on other ports, data dir and pid file). */
export interface KafkaBroker {
  brokers: string;
  start(): Promise<void>;
  /** SIGTERM (controlled shutdown), as an operator stopping the broker would. */
  stop(): Promise<void>;
  /** Summed over partitions: high watermark minus the group's committed offset. */
  consumerLag(groupId: string, topics: readonly string[]): Promise<number>;
  /** Committed offsets of the group, summed over the topics' partitions. */
  committed(groupId: string, topics: readonly string[]): Promise<number>;
  /** Moves the (empty) group back to the start of each topic; waits for its members to leave. */
  resetToEarliest(groupId: string, topics: readonly string[]): Promise<void>;
  produce(topic: string, messages: { key: string; value: Buffer; headers: IHeaders }[]): Promise<void>;
  /** Every message on the topic, read from offset 0 to the current end. */
  readAll(topic: string): Promise<TopicMessage[]>;
  close(): Promise<void>;
}

const brokerEnv = (dir: string, port: number) => ({
  ...process.env,
  KAFKA_PORT: String(port),
  KAFKA_CONTROLLER_PORT: String(port + 1),
  KAFKA_DATA_DIR: join(dir, 'data'),
  KAFKA_LOGS_DIR: join(dir, 'logs'),
  KAFKA_PID_FILE: join(dir, 'kafka.pid'),
});
const kafkaScript = (root: string, name: string, env: NodeJS.ProcessEnv) =>
  run('bash', [join(root, 'infra/kafka', name)], { env, maxBuffer: 1 << 22 });

/** Stops the broker an aborted run left running in `dir` (its pid file), before its files are removed. */
export async function stopLeftoverBroker(root: string, dir: string): Promise<void> {
  await kafkaScript(root, 'stop.sh', brokerEnv(dir, 0)).catch(() => undefined);
}

/** Starts a broker on `port` (controller `port + 1`) with its data, logs and pid file in `dir`. */
export async function startKafkaBroker(root: string, dir: string, port: number): Promise<KafkaBroker> {
  const env = brokerEnv(dir, port);
  const script = (name: string) => kafkaScript(root, name, env);
  await script('start.sh');
  const brokers = `127.0.0.1:${port}`;
  const kafka = new Kafka({
    clientId: 'faults-suite',
    brokers: [brokers],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2000,
    requestTimeout: 5000,
    retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 1000 },
  });
  let admin: Admin | null = null;
  let producer: Producer | null = null;
  const adminClient = async () => {
    if (!admin) {
      const a = kafka.admin();
      await a.connect();
      admin = a;
    }
    return admin;
  };
  const dropClients = async () => {
    const [a, p] = [admin, producer];
    admin = producer = null;
    await Promise.all([a?.disconnect().catch(() => undefined), p?.disconnect().catch(() => undefined)]);
  };
  // kafkajs clients do not always notice a restarted broker; a failing call drops them.
  const withAdmin = async <T>(work: (a: Admin) => Promise<T>): Promise<T> => {
    try {
      return await work(await adminClient());
    } catch (error) {
      await dropClients();
      throw error;
    }
  };
  const offsets = async (groupId: string, topics: readonly string[]) =>
    withAdmin(async (a) => {
      // A group that reads nothing (organisation) has neither offsets nor lag.
      if (topics.length === 0) return { lag: 0, sum: 0 };
      const committed = await a.fetchOffsets({ groupId, topics: [...topics] });
      let lag = 0;
      let sum = 0;
      for (const t of committed) {
        const ends = await a.fetchTopicOffsets(t.topic);
        for (const p of t.partitions) {
          const high = Number(ends.find((e) => e.partition === p.partition)?.high ?? 0);
          const at = Math.max(0, Number(p.offset));
          sum += at;
          lag += Math.max(0, high - at);
        }
      }
      return { lag, sum };
    });

  return {
    brokers,
    start: async () => void (await script('start.sh')),
    stop: async () => {
      await dropClients();
      await script('stop.sh');
    },
    consumerLag: async (groupId, topics) => (await offsets(groupId, topics)).lag,
    committed: async (groupId, topics) => (await offsets(groupId, topics)).sum,
    resetToEarliest: (groupId, topics) =>
      withAdmin(async (a) => {
        const deadline = Date.now() + 60_000;
        for (;;) {
          const [group] = (await a.describeGroups([groupId])).groups;
          if (!group || group.members.length === 0) break;
          if (Date.now() > deadline) throw new Error(`group ${groupId} still has members`);
          await new Promise((r) => setTimeout(r, 500));
        }
        for (const topic of topics) await a.resetOffsets({ groupId, topic, earliest: true });
      }),
    produce: async (topic, messages) => {
      if (!producer) {
        const p = kafka.producer({ allowAutoTopicCreation: false });
        await p.connect();
        producer = p;
      }
      await producer.send({ topic, messages, acks: -1 });
    },
    readAll: (topic) => readTopic(kafka, topic),
    close: dropClients,
  };
}

async function readTopic(kafka: Kafka, topic: string): Promise<TopicMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  const remaining = new Map(
    ends.filter((e) => Number(e.high) > Number(e.low)).map((e) => [e.partition, Number(e.high)]),
  );
  const out: TopicMessage[] = [];
  if (remaining.size === 0) return out;
  const consumer = kafka.consumer({ groupId: `faults-oracle-${topic}-${Date.now()}`, maxWaitTimeInMs: 200 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`reading ${topic} took more than 60 s`)), 60_000);
      void consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            const headers: Record<string, string> = {};
            for (const [k, v] of Object.entries(message.headers ?? {}))
              if (v !== undefined) headers[k] = Array.isArray(v) ? String(v.at(-1)) : String(v);
            out.push({
              topic,
              partition,
              offset: message.offset,
              key: message.key?.toString() ?? '',
              headers,
              value: message.value,
            });
            if (Number(message.offset) + 1 >= (remaining.get(partition) ?? 0)) remaining.delete(partition);
            if (remaining.size === 0) {
              clearTimeout(timer);
              done();
            }
            return Promise.resolve();
          },
        })
        .catch(fail);
    });
  } finally {
    await consumer.disconnect();
  }
  return out;
}
