import { InProcessBus, type BusMessage } from './in-process.bus';
import type { JsonLogEntry } from './json-log';
import type { OutgoingMessage } from './messaging.port';

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

  it('logs a throwing handler and still delivers the later messages', async () => {
    const logs: JsonLogEntry[] = [];
    const bus = new InProcessBus((entry) => logs.push(entry));
    const seen: number[] = [];
    bus.subscribe('g', 't.v1', (m) => {
      const { n } = JSON.parse(m.value ?? 'null') as { n: number };
      if (n === 1) return Promise.reject(new Error('boom'));
      seen.push(n);
      return Promise.resolve();
    });
    await bus.publish([message(1), message(2), message(3)]);
    await bus.idle();
    expect(seen).toEqual([2, 3]);
    expect(logs).toEqual([
      expect.objectContaining({ level: 'error', topic: 't.v1', offset: 0, error: 'boom' }),
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
