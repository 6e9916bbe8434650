import { createHash } from 'node:crypto';
import { canonicalJson } from '@union/kernel';
import { checkStreamChain, eventHash, storedEventHash, type ChainLink } from './hash-chain';
import { Upcasters } from './upcasters';

const link = (version: number, prevHash: string | null, data: unknown): ChainLink => {
  const fields = {
    streamId: 'case-1',
    streamType: 'case',
    version,
    eventId: `00000000-0000-0000-0000-00000000000${version}`,
    type: 'Thing',
    schemaVersion: 1,
    data,
    metadata: { actor: 'a' },
    recordedAt: '2026-01-01T00:00:00.000Z',
    personRef: null,
  };
  return { ...fields, globalPosition: version * 10, prevHash, hash: eventHash(prevHash, fields) };
};

const chain = (): ChainLink[] => {
  const one = link(1, null, { n: 1 });
  const two = link(2, one.hash, { n: 2 });
  return [one, two, link(3, two.hash, { n: 3 })];
};

describe('hash chain', () => {
  it('hashes a stored event from its JSON text exactly as eventHash hashes the parsed fields', () => {
    const sorted = link(1, null, { a: 1, b: { c: '中', d: [1, { e: null }] } });
    const unsorted = link(2, sorted.hash, { b: 2, a: { '10': 1, '9': 2 }, 中: -0 });
    const oddlyTyped = { ...link(3, unsorted.hash, { x: 1 }), version: '3' as unknown as number };
    for (const event of [sorted, unsorted, oddlyTyped]) {
      const { data, ...rest } = event;
      const metadata = { z: 1, actor: 'a' }; // out of order, as jsonb may hand it back
      const stored = { ...rest, dataText: JSON.stringify(data), metadataText: JSON.stringify(metadata) };
      expect(storedEventHash(event.prevHash, stored)).toBe(eventHash(event.prevHash, { ...event, metadata }));
    }
  });

  it('writes the envelope exactly as canonical JSON would, and falls back on odd fields', () => {
    const hashed = [
      'streamId',
      'streamType',
      'version',
      'eventId',
      'type',
      'schemaVersion',
      'data',
      'metadata',
      'recordedAt',
      'personRef',
    ];
    const definition = (prev: string | null, f: Record<string, unknown>) => {
      const content = Object.fromEntries(hashed.map((key) => [key, f[key]]));
      return createHash('sha256')
        .update(prev ?? '')
        .update(canonicalJson(content))
        .digest('hex');
    };
    const base = link(1, null, { z: 'é"\\\n', a: [1.5, -0, null, { b: true }] });
    const odd = [
      { ...base, personRef: 'p\u2028"x' },
      { ...base, streamId: 'case-中文', type: 'Ü', version: 2 ** 40 },
      { ...base, personRef: undefined },
      { ...base, version: 1.5 },
      { ...base, metadata: undefined },
    ];
    for (const fields of [base, ...odd]) {
      expect(eventHash('ab', fields as never)).toBe(definition('ab', { ...fields }));
    }
  });

  it('is sha256(prev_hash || canonical JSON of the fields), as stored events were hashed', () => {
    const {
      globalPosition: _p,
      prevHash: _ph,
      hash: _h,
      ...fields
    } = link(2, 'ab'.repeat(32), { n: [1, 'x'] });
    const expected = createHash('sha256').update('ab'.repeat(32)).update(canonicalJson(fields)).digest('hex');
    expect(eventHash('ab'.repeat(32), fields)).toBe(expected);
    expect(eventHash(null, fields)).toBe(createHash('sha256').update(canonicalJson(fields)).digest('hex'));
  });

  it('hashes the content only, whatever the key order and extra properties', () => {
    const a = link(1, null, { x: 1, y: [1, 2] });
    const reordered = { ...a, data: { y: [1, 2], x: 1 }, hash: 'ignored', globalPosition: 99 };
    expect(eventHash(null, reordered)).toBe(a.hash);
    expect(eventHash('other', a)).not.toBe(a.hash);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts an intact chain and names the first break', () => {
    expect(checkStreamChain(chain())).toBeNull();
    const altered = chain();
    altered[1] = { ...altered[1], data: { n: 200 } };
    expect(checkStreamChain(altered)).toMatchObject({
      version: 2,
      globalPosition: 20,
      reason: expect.stringMatching(/altered/),
    });
    const gap = chain().filter((l) => l.version !== 2);
    expect(checkStreamChain(gap)).toMatchObject({ version: 3, reason: expect.stringMatching(/missing/) });
    const rehashed = chain();
    rehashed[1] = link(2, rehashed[0].hash, { n: 200 });
    expect(checkStreamChain(rehashed)).toMatchObject({
      version: 3,
      reason: expect.stringMatching(/prev_hash/),
    });
  });
});

describe('upcasters', () => {
  it('chains steps from the stored version to the current one', () => {
    const upcasters = new Upcasters()
      .register('CaseOpened', 1, (d) => ({ ...(d as object), channel: 'walk_in' }))
      .register('CaseOpened', 2, (d) => ({ ...(d as object), v3: true }));
    expect(upcasters.currentVersion('CaseOpened')).toBe(3);
    expect(upcasters.currentVersion('Other')).toBe(1);
    expect(upcasters.upcast('CaseOpened', 1, { a: 1 })).toEqual({
      schemaVersion: 3,
      data: { a: 1, channel: 'walk_in', v3: true },
    });
    expect(upcasters.upcast('CaseOpened', 3, { a: 1 })).toEqual({ schemaVersion: 3, data: { a: 1 } });
  });
});
