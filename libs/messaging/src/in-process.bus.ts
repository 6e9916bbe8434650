import { errorMessage, writeJsonLine, type JsonLog } from './json-log';
import { serializeValue, type OutgoingMessage } from './messaging.port';

/** A message as the bus keeps it: serialised like on Kafka, with its offset in the topic. */
export interface BusMessage {
  topic: string;
  /** One partition per topic: the bus delivers a topic's messages in publish order anyway. */
  partition: 0;
  offset: number;
  key: string;
  /** The value as JSON text (null for no value), so every consumer gets its own parsed copy. */
  value: string | null;
  headers: Record<string, string>;
  /** Epoch milliseconds, as a string like kafkajs's. */
  timestamp: string;
  /** Position across all topics, so a group sees messages of several topics in publish order. */
  sequence: number;
}

/** Handles one message; the bus awaits it before giving the group its next message. */
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
 * message once, in publish order, one at a time. A failing handler is logged and skipped: the
 * consumer is responsible for retrying and dead-lettering (IntegrationConsumer does both).
 */
export class InProcessBus {
  private readonly topics = new Map<string, BusMessage[]>();
  private readonly groups = new Map<string, Group>();
  private sequence = 0;

  constructor(private readonly log: JsonLog = writeJsonLine) {}

  /** Appends the messages (the in-process "ack") and wakes the groups; does not wait for them. */
  publish(messages: readonly OutgoingMessage[]): Promise<void> {
    for (const m of messages) {
      const log = this.topic(m.topic);
      log.push({
        topic: m.topic,
        partition: 0,
        offset: log.length,
        key: m.key,
        value: serializeValue(m.value),
        headers: { ...m.headers },
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
    return (this.topics.get(topic) ?? []).map((m) => ({ ...m, headers: { ...m.headers } }));
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
      group.offsets.set(message.topic, message.offset + 1);
      try {
        await handler({ ...message, headers: { ...message.headers } });
      } catch (error) {
        this.log({
          level: 'error',
          message: 'in-process handler failed; message skipped',
          topic: message.topic,
          offset: message.offset,
          error: errorMessage(error),
        });
      }
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
