import type { InProcessBus } from './in-process.bus';
import type {
  MessagePublisher,
  OutgoingMessage,
  RawMessagePublisher,
  RawOutgoingMessage,
} from './messaging.port';

/** Publishes to the in-process bus; resolves once the messages are appended (the "ack"). */
export class InProcessPublisher implements MessagePublisher, RawMessagePublisher {
  constructor(private readonly bus: InProcessBus) {}

  publish(messages: OutgoingMessage[]): Promise<void> {
    return this.bus.publish(messages);
  }

  publishRaw(messages: RawOutgoingMessage[]): Promise<void> {
    return this.bus.publishRaw(messages);
  }
}
