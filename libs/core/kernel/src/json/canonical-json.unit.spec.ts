import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalJson, canonicalJsonOfParsed } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys recursively and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('gives the same bytes whatever the insertion order', () => {
    const a = { caseId: 'c1', amountFen: 100, meta: { actor: 'u1', at: '2024-01-01T00:00:00Z' } };
    const b = { meta: { at: '2024-01-01T00:00:00Z', actor: 'u1' }, amountFen: 100, caseId: 'c1' };
    const hash = (v: unknown) => createHash('sha256').update(canonicalJson(v)).digest('hex');
    expect(hash(a)).toBe(hash(b));
  });

  it('orders keys by UTF-16 code units, not locale', () => {
    // 'Z' (0x5A) < '_' (0x5F) < 'a' (0x61) < 'é' (0xE9) < '中' (0x4E2D) < '😀' (surrogate 0xD83D)
    expect(canonicalJson({ '😀': 1, 中: 1, é: 1, a: 1, _: 1, Z: 1 })).toBe(
      '{"Z":1,"_":1,"a":1,"é":1,"中":1,"😀":1}',
    );
  });

  it('drops undefined properties and keeps arrays in order', () => {
    expect(canonicalJson({ a: undefined, b: [2, 1, null] })).toBe('{"b":[2,1,null]}');
  });

  it('writes scalars like JSON', () => {
    expect(canonicalJson('a"\n')).toBe('"a\\"\\n"');
    expect(canonicalJson(-0)).toBe('0');
    expect(canonicalJson(1.5)).toBe('1.5');
    expect(canonicalJson(true)).toBe('true');
    expect(canonicalJson(null)).toBe('null');
  });

  it.each([
    ['NaN', { a: Number.NaN }, 'NaN at $.a'],
    ['Infinity', [1, Infinity], 'Infinity at $[1]'],
    ['BigInt', { n: 1n }, 'bigint at $.n'],
    ['Date', { at: new Date(0) }, 'a Date (pass an ISO string) at $.at'],
    ['undefined in an array', [undefined], 'undefined at $[0]'],
    ['a Map', new Map(), 'Map at $'],
    ['a function', { f: () => 1 }, 'function at $.f'],
  ])('refuses %s', (_name, value, message) => {
    expect(() => canonicalJson(value)).toThrow(message);
  });

  it('refuses cycles but accepts a shared object seen twice', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow('a cycle at $.self');
  });
});

describe('canonicalJson fast path', () => {
  it('writes plain data, class instances and odd values exactly as the careful path defines', () => {
    class Point {
      constructor(
        readonly x: number,
        readonly y: number,
      ) {}
    }
    const sparse = [1, , 3]; // eslint-disable-line no-sparse-arrays
    expect(canonicalJson({ p: new Point(1, 2), n: Object.create(null) as object })).toBe(
      '{"n":{},"p":{"x":1,"y":2}}',
    );
    expect(canonicalJson(sparse)).toBe('[1,,3]');
    expect(canonicalJson(JSON.parse('{"b":-0,"a":[{"é":"\\u0000"}],"c":1e21}'))).toBe(
      '{"a":[{"é":"\\u0000"}],"b":0,"c":1e+21}',
    );
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100; i++) deep = { d: deep };
    expect(canonicalJson(deep)).toBe(`${'{"d":'.repeat(100)}"leaf"${'}'.repeat(100)}`);
    expect(() => canonicalJson({ a: [{ b: Number.NaN }] })).toThrow('NaN at $.a[0].b');
  });
});

describe('canonicalJsonOfParsed', () => {
  it('gives the bytes of canonicalJson for any JSON text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const parsed: unknown = JSON.parse(JSON.stringify(value));
        expect(canonicalJsonOfParsed(parsed)).toBe(canonicalJson(parsed));
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['keys out of order', '{"b":1,"a":{"d":2,"c":3}}', '{"a":{"c":3,"d":2},"b":1}'],
    [
      'integer-like keys, which JSON.parse puts first in numeric order',
      '{"9":1,"10":2,"a":3}',
      '{"10":2,"9":1,"a":3}',
    ],
    ['keys ordered by length, as jsonb writes them', '{"zz":1,"aaa":2}', '{"aaa":2,"zz":1}'],
    [
      'a sorted object with -0 and unicode',
      '{"a":-0,"b":["中","😀"],"é":{"x":null}}',
      '{"a":0,"b":["中","😀"],"é":{"x":null}}',
    ],
    ['an own __proto__ key', '{"__proto__":1,"a":2}', '{"__proto__":1,"a":2}'],
  ])('%s', (_, text, expected) => {
    expect(canonicalJsonOfParsed(JSON.parse(text))).toBe(expected);
    expect(canonicalJson(JSON.parse(text))).toBe(expected);
  });

  it('refuses a number JSON.parse made infinite, as canonicalJson does', () => {
    expect(() => canonicalJsonOfParsed(JSON.parse('{"a":1e400}'))).toThrow('Infinity at $.a');
  });
});
