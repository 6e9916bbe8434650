import { errorMessage, writeJsonLine, type JsonLog } from './json-log';
import {
  encodeMessage,
  type OutgoingMessage,
  type RawOutgoingMessage,
  type WireRecord,
} from './messaging.port';

/** A message as the bus keeps it: its exact bytes, like on Kafka, with its offset in the topic. */
export interface BusMessage {
  topic: string;
  /** One partition per topic: the bus delivers a topic's messages in publish order anyway. */
  partition: 0;
  offset: number;
  /** The record's bytes as published: what a consumer receives and a dead letter keeps. */
  bytes: WireRecord;
  /** For reading (tests, diagnostics): the key as UTF-8 text, '' for none. */
  key: string;
  /** For reading: the value as UTF-8 text (JSON for published events), null for none. */
  value: string | null;
  /** For reading: each header as UTF-8 text; of a repeated header, the last. */
  headers: Record<string, string>;
  /** Epoch milliseconds, as a string like kafkajs's. */
  timestamp: string;
  /** Position across all topics, so a group sees messages of several topics in publish order. */
  sequence: number;
}

/**
 * Handles one message; the bus awaits it before giving the group its next message, and gives it
 * the same message again (after a pause) while it rejects, as Kafka redelivers what a consumer
 * did not finish.
 */
export type BusHandler = (message: BusMessage) => Promise<void>;

/** A group's subscription to a topic. */
export interface BusSubscription {
  /** Stops delivery to this handler, after the message in hand (if any) has been handled. */
  unsubscribe(): Promise<void>;
}

interface Group {
  handlers: Map<string, BusHandler>;
  /** Next offset per topic; kept after unsubscribing, like a committed offset. */
  offsets: Map<string, number>;
  pumping: Promise<void> | null;
}

/**
 * The in-process stand-in for Kafka in the embedded default (one Node process, no broker).
 * Topics keep every message for the life of the process, so a consumer that subscribes late
 * still sees earlier ones; each consumer group has its own offset per topic and gets each
 * message once, in publish order, one at a time. A handler that rejects gets the message again,
 * after a growing pause, until it resolves or unsubscribes: like a Kafka consumer that did not
 * commit, nothing is skipped. Poison messages are the consumer's to park (IntegrationConsumer
 * dead-letters them and resolves), so a rejection means "not done yet", e.g. the DLQ was away.
 */
export class InProcessBus {
  private readonly topics = new Map<string, BusMessage[]>();
  private readonly groups = new Map<string, Group>();
  private sequence = 0;

  constructor(private readonly log: JsonLog = writeJsonLine) {}

  /** Appends the messages (the in-process "ack") and wakes the groups; does not wait for them. */
  publish(messages: readonly OutgoingMessage[]): Promise<void> {
    return this.publishRaw(messages.map((m) => ({ topic: m.topic, ...encodeMessage(m) })));
  }

  /** Appends records byte for byte (copies, so the caller's Buffers may change afterwards). */
  publishRaw(messages: readonly RawOutgoingMessage[]): Promise<void> {
    for (const m of messages) {
      const log = this.topic(m.topic);
      const bytes = copyRecord(m);
      log.push({
        topic: m.topic,
        partition: 0,
        offset: log.length,
        bytes,
        key: bytes.key?.toString('utf8') ?? '',
        value: bytes.value?.toString('utf8') ?? null,
        headers: Object.fromEntries(
          Object.entries(bytes.headers).map(([name, v]) => [name, lastOf(v).toString('utf8')]),
        ),
        timestamp: String(Date.now()),
        sequence: this.sequence++,
      });
    }
    for (const group of this.groups.values()) this.wake(group);
    return Promise.resolve();
  }

  /** Delivers every message of `topic`, from the group's offset on, to `handler`. */
  subscribe(groupId: string, topic: string, handler: BusHandler): BusSubscription {
    const group = this.group(groupId);
    if (group.handlers.has(topic)) {
      throw new Error(`Consumer group ${groupId} is already subscribed to ${topic} on the in-process bus.`);
    }
    group.handlers.set(topic, handler);
    this.wake(group);
    return {
      unsubscribe: async () => {
        if (group.handlers.get(topic) === handler) group.handlers.delete(topic);
        await group.pumping;
      },
    };
  }

  /** Resolves once every group has handled every message it is subscribed to (for tests). */
  async idle(): Promise<void> {
    for (;;) {
      const busy = [...this.groups.values()].map((g) => g.pumping).filter((p) => p !== null);
      if (busy.length === 0) return;
      await Promise.all(busy);
    }
  }

  /** The messages of a topic so far (copies), for diagnostics and tests. */
  messages(topic: string): BusMessage[] {
    return (this.topics.get(topic) ?? []).map(copyMessage);
  }

  private topic(name: string): BusMessage[] {
    let log = this.topics.get(name);
    if (!log) this.topics.set(name, (log = []));
    return log;
  }

  private group(groupId: string): Group {
    let group = this.groups.get(groupId);
    if (!group)
      this.groups.set(groupId, (group = { handlers: new Map(), offsets: new Map(), pumping: null }));
    return group;
  }

  private wake(group: Group): void {
    // Delivery starts on a later tick: publish returns first, as it would with a real broker.
    group.pumping ??= new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.pump(group))
      .finally(() => {
        group.pumping = null;
        // A subscription made while the last message was being handled may have work waiting.
        if (this.next(group)) this.wake(group);
      });
  }

  private async pump(group: Group): Promise<void> {
    for (let next = this.next(group); next; next = this.next(group)) {
      const { message, handler } = next;
      // The offset moves only once the handler is done: a rejection is delivered again.
      if (await this.deliver(group, message, handler)) group.offsets.set(message.topic, message.offset + 1);
    }
  }

  /** True once `handler` resolved; false when it was unsubscribed while the message kept failing. */
  private async deliver(group: Group, message: BusMessage, handler: BusHandler): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await handler(copyMessage(message));
        return true;
      } catch (error) {
        this.log({
          level: 'error',
          message: 'in-process handler failed; the message will be delivered again',
          topic: message.topic,
          offset: message.offset,
          attempt,
          error: errorMessage(error),
        });
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(MAX_REDELIVERY_MS, 50 * 2 ** attempt)));
      if (group.handlers.get(message.topic) !== handler) return false;
    }
  }

  /** The group's oldest undelivered message across its subscribed topics. */
  private next(group: Group): { message: BusMessage; handler: BusHandler } | null {
    let best: { message: BusMessage; handler: BusHandler } | null = null;
    for (const [topic, handler] of group.handlers) {
      const message = this.topics.get(topic)?.[group.offsets.get(topic) ?? 0];
      if (message && (!best || message.sequence < best.message.sequence)) best = { message, handler };
    }
    return best;
  }
}

// Kafka's consumer restarts after a failed message with a backoff up to 5 s (LOW_LATENCY_CONSUMER);
// 1 s here keeps a shutdown waiting behind a failing handler short.
const MAX_REDELIVERY_MS = 1_000;

const lastOf = (value: Buffer | Buffer[]): Buffer =>
  Array.isArray(value) ? (value[value.length - 1] ?? Buffer.alloc(0)) : value;

const copyBuffer = (b: Buffer | null): Buffer | null => (b === null ? null : Buffer.from(b));

function copyRecord(record: WireRecord): WireRecord {
  return {
    key: copyBuffer(record.key),
    value: copyBuffer(record.value),
    headers: Object.fromEntries(
      Object.entries(record.headers).map(([name, v]) => [
        name,
        Array.isArray(v) ? v.map((b) => Buffer.from(b)) : Buffer.from(v),
      ]),
    ),
  };
}

/** Every consumer gets its own copy: no handler can change what another one sees. */
const copyMessage = (m: BusMessage): BusMessage => ({
  ...m,
  bytes: copyRecord(m.bytes),
  headers: { ...m.headers },
});
