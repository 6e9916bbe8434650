import { KafkaParser } from '@nestjs/microservices';

/**
 * Leaves a consumed message as kafkajs read it: key, value and headers stay Buffers. Nest's own
 * parser decodes them as it guesses (text, JSON when it starts with `{` or `[`, a Buffer when it
 * starts with a zero byte), which loses the bytes a dead letter must keep; readReceivedMessage
 * decodes them instead, once, the same on both transports.
 */
export class RawKafkaParser extends KafkaParser {
  override parse<T = unknown>(data: unknown): T {
    const message = data as { headers?: Record<string, unknown> };
    // A copy, as Nest's parser makes: kafkajs may hand the same object over again on a retry.
    return { ...message, headers: { ...(message.headers ?? {}) } } as T;
  }
}
