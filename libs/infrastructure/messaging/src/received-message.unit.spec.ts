import { KafkaContext } from '@nestjs/microservices';
import { RawKafkaParser } from './raw-kafka.parser';
import { readReceivedMessage } from './received-message';

/** What IntegrationKafkaServer does with a kafkajs message before calling a handler. */
function asKafkaServer(
  value: Buffer | null,
  headers: Record<string, Buffer | Buffer[]> = {},
  key: Buffer | null = Buffer.from('p-1'),
) {
  const raw = new RawKafkaParser().parse({
    key,
    value,
    offset: '41',
    timestamp: '1700000000000',
    attributes: 0,
    headers,
    topic: 't.v1',
    partition: 2,
  });
  return new KafkaContext([
    raw as never,
    2,
    't.v1',
    undefined as never,
    () => Promise.resolve(),
    undefined as never,
  ]);
}

describe('readReceivedMessage', () => {
  it('reads key, position, headers and the parsed value, keeping the bytes as received', () => {
    const value = Buffer.from('{"personRef":"p-1"}');
    const trace = Buffer.from('{"span":1}');
    const message = readReceivedMessage(
      asKafkaServer(value, {
        'event-id': Buffer.from('e-1'),
        'event-type': Buffer.from('HardshipCaseOpened'),
        'event-version': Buffer.from('2'),
        'x-trace': trace,
      }),
    );
    expect(message).toMatchObject({
      topic: 't.v1',
      partition: 2,
      offset: '41',
      timestamp: '1700000000000',
      key: 'p-1',
      data: { personRef: 'p-1' },
    });
    expect(message.valueProblem).toBeUndefined();
    expect(message.headers).toEqual({
      eventId: 'e-1',
      eventType: 'HardshipCaseOpened',
      eventVersion: 2,
      correlationId: '',
      causationId: '',
      source: '',
      occurredAt: '',
    });
    expect(message.raw.value?.equals(value)).toBe(true);
    expect(message.raw.key?.equals(Buffer.from('p-1'))).toBe(true);
    expect(message.raw.headers['x-trace']).toEqual(trace);
  });

  it('says why a value cannot be read, and keeps it as it came', () => {
    const cases: [Buffer | null, string][] = [
      [null, 'the message has no value'],
      [Buffer.alloc(0), 'the value is empty'],
      [Buffer.from([0xff, 0xfe, 0x80]), 'the value is not UTF-8 text'],
      [Buffer.from([0x00, 0x01, 0x02]), 'the value is not JSON'],
      [Buffer.from('hello'), 'the value is not JSON'],
    ];
    for (const [value, problem] of cases) {
      const message = readReceivedMessage(asKafkaServer(value));
      expect(message).toMatchObject({ data: undefined, valueProblem: problem });
      expect(message.raw.value).toEqual(value);
    }
    // JSON that is not an object still parses: the contract refuses it, naming what it is.
    expect(readReceivedMessage(asKafkaServer(Buffer.from('null'))).data).toBeNull();
    expect(readReceivedMessage(asKafkaServer(Buffer.from('"text"'))).data).toBe('text');
  });

  it('reads the last of a repeated header, keeps every copy, and reads a missing key as empty', () => {
    const message = readReceivedMessage(
      asKafkaServer(Buffer.from('{}'), { 'event-id': [Buffer.from('e-old'), Buffer.from('e-new')] }, null),
    );
    expect(message.headers.eventId).toBe('e-new');
    expect(message.raw.headers['event-id']).toEqual([Buffer.from('e-old'), Buffer.from('e-new')]);
    expect(message.key).toBe('');
    expect(message.raw.key).toBeNull();
  });

  it('reads a version header that is not a whole number as no version', () => {
    for (const version of ['1abc', '', '-1', '1.5']) {
      const ctx = asKafkaServer(Buffer.from('{}'), { 'event-version': Buffer.from(version) });
      expect(readReceivedMessage(ctx).headers.eventVersion).toBe(0);
    }
  });
});
