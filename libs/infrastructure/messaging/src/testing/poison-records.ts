import { HEADERS } from '@union/contracts';
import type { WireRecord } from '../messaging.port';

/** Headers a producer of `hardship.cases.v1` would send, as bytes, plus `extra`. */
function headers(eventId: string, extra: WireRecord['headers'] = {}): WireRecord['headers'] {
  return {
    ...(eventId ? { [HEADERS.eventId]: Buffer.from(eventId) } : {}),
    [HEADERS.eventType]: Buffer.from('HardshipCaseOpened'),
    [HEADERS.eventVersion]: Buffer.from('1'),
    [HEADERS.occurredAt]: Buffer.from('2025-02-03T04:05:06.000Z'),
    ...extra,
  };
}

const opened = (tier: string) =>
  JSON.stringify({
    personRef: 'a'.repeat(64),
    caseId: 'ca5e0000-0000-4000-8000-000000000001',
    unitId: 'u-1',
    regionCode: '110105',
    tier,
    openedOn: '2025-02-03',
  });

/**
 * Records no consumer can apply, each with the problem its dead letter names: they must reach
 * `<topic>.dlq` byte for byte (key, value and every header as sent), whatever they contain.
 */
export const POISON_RECORDS: { name: string; problem: string; record: WireRecord }[] = [
  {
    name: 'a value and key that are not UTF-8, binary and JSON-looking headers',
    problem: 'the value is not UTF-8 text',
    record: {
      key: Buffer.from([0xc3, 0x28, 0xff]),
      value: Buffer.from([0xff, 0xfe, 0xfd, 0x80, 0x00]),
      headers: headers('poison-1', {
        'x-binary': Buffer.from([0x00, 0xff, 0x10]),
        'x-json': Buffer.from('{"span":1}'),
      }),
    },
  },
  {
    name: 'arbitrary bytes starting with a zero byte',
    problem: 'the value is not JSON',
    record: {
      key: Buffer.from('k-2'),
      value: Buffer.from([0x00, 0x01, 0x02, 0x03]),
      headers: headers('poison-2'),
    },
  },
  {
    name: 'a JSON null',
    problem: 'the value must be a JSON object; got null',
    record: { key: Buffer.from('k-3'), value: Buffer.from('null'), headers: headers('poison-3') },
  },
  {
    name: 'an empty value',
    problem: 'the value is empty',
    record: { key: Buffer.from('k-4'), value: Buffer.alloc(0), headers: headers('poison-4') },
  },
  {
    name: 'no value and no key',
    problem: 'the message has no value',
    record: { key: null, value: null, headers: headers('poison-5') },
  },
  {
    name: 'a Buffer-like object',
    problem: 'personRef must be a personRef',
    record: {
      key: Buffer.from('k-6'),
      value: Buffer.from('{"type":"Buffer","data":[1,2,3]}'),
      headers: headers('poison-6'),
    },
  },
  {
    name: 'the tier platinum, with a repeated header',
    problem: 'tier must be one of deep, relative, emergency; got "platinum"',
    record: {
      key: Buffer.from('a'.repeat(64)),
      value: Buffer.from(opened('platinum')),
      headers: headers('poison-7', { 'x-hop': [Buffer.from('gw'), Buffer.from([0xfe])] }),
    },
  },
  {
    name: 'no event id',
    problem: 'missing event-id header',
    record: { key: Buffer.from('k-8'), value: Buffer.from(opened('deep')), headers: headers('') },
  },
];
