import { KafkaContext, KafkaParser } from '@nestjs/microservices';
import { readReceivedMessage } from './received-message';

/** What ServerKafka does with a kafkajs message before calling a handler. */
function asServerKafka(value: Buffer | null, headers: Record<string, Buffer>) {
  const raw = new KafkaParser().parse({
    key: Buffer.from('p-1'),
    value,
    offset: '41',
    timestamp: '0',
    attributes: 0,
    headers,
    topic: 't.v1',
    partition: 2,
  });
  const ctx = new KafkaContext([
    raw,
    2,
    't.v1',
    undefined as never,
    () => Promise.resolve(),
    undefined as never,
  ]);
  return { payload: raw.value ?? raw, ctx };
}

describe('readReceivedMessage', () => {
  it('reads key, offset, headers and the parsed value as ServerKafka passes them', () => {
    const { payload, ctx } = asServerKafka(Buffer.from('{"personRef":"p-1"}'), {
      'event-id': Buffer.from('e-1'),
      'event-type': Buffer.from('HardshipCaseOpened'),
      'event-version': Buffer.from('2'),
      'x-trace': Buffer.from('{"span":1}'),
    });
    const message = readReceivedMessage(payload, ctx);
    expect(message).toMatchObject({
      topic: 't.v1',
      partition: 2,
      offset: '41',
      key: 'p-1',
      data: { personRef: 'p-1' },
    });
    expect(message.headers).toEqual({
      eventId: 'e-1',
      eventType: 'HardshipCaseOpened',
      eventVersion: 2,
      correlationId: '',
      causationId: '',
      source: '',
      occurredAt: '',
    });
    expect(message.rawHeaders['x-trace']).toBe('{"span":1}');
  });

  it('reads a message without value as null data', () => {
    const { payload, ctx } = asServerKafka(null, {});
    expect(readReceivedMessage(payload, ctx).data).toBeNull();
  });
});
