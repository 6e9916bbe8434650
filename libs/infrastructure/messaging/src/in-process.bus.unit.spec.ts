import { InProcessBus, type BusMessage } from './in-process.bus';
import type { JsonLogEntry } from './json-log';
import type { OutgoingMessage, WireRecord } from './messaging.port';

const message = (n: number, topic = 't.v1'): OutgoingMessage => ({
  topic,
  key: `person-${n % 2}`,
  value: { n },
  headers: { 'event-id': `e${n}` },
});
const collect =
  (seen: BusMessage[]) =>
  (m: BusMessage): Promise<void> => {
    seen.push(m);
    return Promise.resolve();
  };
const values = (seen: BusMessage[]): unknown[] => seen.map((m) => JSON.parse(m.value ?? 'null'));

describe('InProcessBus', () => {
  it('gives a late subscriber the messages published before it subscribed', async () => {
    const bus = new InProcessBus();
    await bus.publish([message(1), message(2)]);
    const seen: BusMessage[] = [];
    bus.subscribe('late', 't.v1', collect(seen));
    await bus.idle();
    await bus.publish([message(3)]);
    await bus.idle();
    expect(values(seen)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(seen.map((m) => m.offset)).toEqual([0, 1, 2]);
  });

  it('gives every group every message once, in publish order, one at a time', async () => {
    const bus = new InProcessBus();
    const seen: Record<string, number[]> = { a: [], b: [] };
    let inFlight = 0;
    let maxInFlight = 0;
    for (const group of ['a', 'b']) {
      for (const topic of ['t.v1', 'u.v1']) {
        bus.subscribe(group, topic, async (m) => {
          if (group === 'a') maxInFlight = Math.max(maxInFlight, ++inFlight);
          await new Promise((resolve) => setTimeout(resolve, 2));
          seen[group].push((JSON.parse(m.value ?? 'null') as { n: number }).n);
          if (group === 'a') inFlight--;
        });
      }
    }
    await bus.publish([message(1), message(2, 'u.v1'), message(3)]);
    await bus.publish([message(4, 'u.v1')]);
    await bus.idle();
    expect(seen).toEqual({ a: [1, 2, 3, 4], b: [1, 2, 3, 4] });
    expect(maxInFlight).toBe(1);
  });

  it('resumes a group at its offset after it unsubscribed', async () => {
    const bus = new InProcessBus();
    const seen: BusMessage[] = [];
    const first = bus.subscribe('g', 't.v1', collect(seen));
    await bus.publish([message(1)]);
    await bus.idle();
    await first.unsubscribe();
    await bus.publish([message(2)]);
    bus.subscribe('g', 't.v1', collect(seen));
    await bus.idle();
    expect(values(seen)).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('delivers a message again while its handler rejects, as Kafka would, and only then the next', async () => {
    const logs: JsonLogEntry[] = [];
    const bus = new InProcessBus((entry) => logs.push(entry));
    const seen: number[] = [];
    let failures = 2;
    bus.subscribe('g', 't.v1', (m) => {
      const { n } = JSON.parse(m.value ?? 'null') as { n: number };
      if (n === 1 && failures-- > 0) return Promise.reject(new Error('dlq unavailable'));
      seen.push(n);
      return Promise.resolve();
    });
    await bus.publish([message(1), message(2), message(3)]);
    await bus.idle();
    expect(seen).toEqual([1, 2, 3]);
    expect(logs).toEqual([
      expect.objectContaining({
        level: 'error',
        topic: 't.v1',
        offset: 0,
        attempt: 1,
        error: 'dlq unavailable',
      }),
      expect.objectContaining({ level: 'error', topic: 't.v1', offset: 0, attempt: 2 }),
    ]);
  });

  it('stops redelivering when the failing handler unsubscribes, and resumes at that message', async () => {
    const bus = new InProcessBus(() => undefined);
    let calls = 0;
    const failing = bus.subscribe('g', 't.v1', () => {
      calls++;
      return Promise.reject(new Error('down'));
    });
    await bus.publish([message(1), message(2)]);
    while (calls === 0) await new Promise((resolve) => setImmediate(resolve));
    await failing.unsubscribe();
    const seen: BusMessage[] = [];
    bus.subscribe('g', 't.v1', collect(seen));
    await bus.idle();
    expect(values(seen)).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('keeps raw records byte for byte: no value, an empty one, invalid UTF-8, repeated headers', async () => {
    const bus = new InProcessBus();
    const records: WireRecord[] = [
      { key: null, value: null, headers: {} },
      {
        key: Buffer.from([0xc3]),
        value: Buffer.alloc(0),
        headers: { h: [Buffer.from('a'), Buffer.from([0xff])] },
      },
      { key: Buffer.from('k'), value: Buffer.from([0xff, 0x00, 0x80]), headers: { b: Buffer.from([0]) } },
    ];
    await bus.publishRaw(records.map((r) => ({ topic: 't.v1', ...r })));
    records[2].value?.fill(0); // the bus kept its own copy
    const seen: BusMessage[] = [];
    bus.subscribe('g', 't.v1', collect(seen));
    await bus.idle();
    expect(seen.map((m) => m.bytes)).toEqual([
      { key: null, value: null, headers: {} },
      {
        key: Buffer.from([0xc3]),
        value: Buffer.alloc(0),
        headers: { h: [Buffer.from('a'), Buffer.from([0xff])] },
      },
      { key: Buffer.from('k'), value: Buffer.from([0xff, 0x00, 0x80]), headers: { b: Buffer.from([0]) } },
    ]);
    expect(seen.map((m) => [m.key, m.value])).toEqual([
      ['', null],
      ['\ufffd', ''],
      ['k', '\ufffd\u0000\ufffd'],
    ]);
  });

  it('hands each consumer its own copy, serialised like on Kafka', async () => {
    const bus = new InProcessBus();
    const value = { at: new Date('2025-01-02T03:04:05Z'), nested: { x: 1 } };
    await bus.publish([{ topic: 't.v1', key: 'p', value, headers: {} }]);
    value.nested.x = 2;
    const seen: BusMessage[] = [];
    bus.subscribe('g', 't.v1', collect(seen));
    await bus.idle();
    expect(values(seen)).toEqual([{ at: '2025-01-02T03:04:05.000Z', nested: { x: 1 } }]);
  });
});
