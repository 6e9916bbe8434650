import { KafkaContext, Server, Transport, type CustomTransportStrategy } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import type { BusMessage, BusSubscription, InProcessBus } from './in-process.bus';
import { errorMessage, writeJsonLine, type JsonLog } from './json-log';
import { RawKafkaParser } from './raw-kafka.parser';

/** Which bus to consume and as which consumer group. */
export interface InProcessServerOptions {
  bus: InProcessBus;
  groupId: string;
  log?: JsonLog;
}

/**
 * A Nest custom transport over the in-process bus: the `@EventPattern(topic)` handlers written
 * for Kafka run unchanged, receiving a real KafkaContext whose message is shaped exactly like
 * IntegrationKafkaServer's (kafkajs's Buffers, left undecoded by RawKafkaParser), so
 * readReceivedMessage works on both. Its transport id is Kafka's for the same reason: handlers
 * declared with `@EventPattern(topic, Transport.KAFKA)` are bound here too. A handler that fails
 * gets the message again, as on Kafka (InProcessBus redelivers).
 */
export class InProcessServer extends Server implements CustomTransportStrategy {
  override readonly transportId = Transport.KAFKA;
  private readonly parser = new RawKafkaParser();
  private subscriptions: BusSubscription[] = [];

  constructor(private readonly options: InProcessServerOptions) {
    super();
  }

  /** Subscribes the group to the topic of every registered event handler. */
  listen(callback: (...optionalParams: unknown[]) => unknown): void {
    for (const [pattern, handler] of this.messageHandlers) {
      if (!handler.isEventHandler) {
        (this.options.log ?? writeJsonLine)({
          level: 'warn',
          message: 'request-response handlers are not supported on the in-process bus; ignored',
          pattern,
        });
        continue;
      }
      this.subscriptions.push(
        this.options.bus.subscribe(this.options.groupId, pattern, (m) => this.deliver(m)),
      );
    }
    this._status$.next('connected');
    callback();
  }

  /** Stops consuming once the message in hand is handled, so shutdown never cuts an effect short. */
  async close(): Promise<void> {
    const subscriptions = this.subscriptions;
    this.subscriptions = [];
    await Promise.all(subscriptions.map((s) => s.unsubscribe()));
    this._status$.next('disconnected');
  }

  /** Kafka servers have no events to listen to here either. */
  on(): never {
    throw new Error('The in-process transport has no events to listen to.');
  }

  /** The bus, as Kafka's server unwraps to its client. */
  unwrap<T>(): T {
    return this.options.bus as T;
  }

  private async deliver(message: BusMessage): Promise<void> {
    const handler = this.getHandlerByPattern(message.topic);
    if (!handler) return;
    // What kafkajs hands ServerKafka: Buffers for key, value and headers, a string offset.
    const { key, value, headers } = message.bytes;
    const kafkaMessage = {
      key,
      value,
      timestamp: message.timestamp,
      attributes: 0,
      offset: String(message.offset),
      headers,
      topic: message.topic,
      partition: message.partition,
    };
    const raw = this.parser.parse<typeof kafkaMessage>(kafkaMessage);
    const context = new KafkaContext([
      raw,
      message.partition,
      message.topic,
      unavailable('consumer'),
      () => Promise.resolve(),
      unavailable('producer'),
    ]);
    try {
      // ServerKafka's deserializer passes `value ?? message`; so do we.
      const result: unknown = await handler(raw.value ?? raw, context);
      if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
    } catch (error) {
      (this.options.log ?? writeJsonLine)({
        level: 'error',
        message: 'event handler failed; the message will be delivered again',
        group: this.options.groupId,
        topic: message.topic,
        offset: message.offset,
        error: errorMessage(error),
      });
      // Not done: on Kafka the offset would not be committed either, so the bus delivers it again.
      throw error;
    }
  }
}

/** Kafka's consumer and producer do not exist here: using them fails with a clear message. */
function unavailable<T>(what: string): T {
  return new Proxy(
    {},
    {
      get: (_target, property) => {
        if (typeof property === 'symbol' || property === 'then') return undefined;
        throw new Error(`The Kafka ${what} is not available on the in-process transport (${property}).`);
      },
    },
  ) as T;
}
