import fc from 'fast-check';
import { isSealed, newDataKey, openValue, sealValue, sealedKindOf, sealedRefOf } from './field-cipher';
import { forEachString, mapPaths, mapStrings } from './personal-fields';

const REF = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);
const asJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v) ?? 'null');

describe('a personal field sealed with the person’s data key', () => {
  it('opens to the value it sealed, for any JSON value (property)', () => {
    const key = newDataKey();
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const sealed = sealValue(key, value, REF);
        expect(isSealed(sealed)).toBe(true);
        expect(sealedRefOf(sealed)).toBe(REF);
        expect(openValue(key, sealed)).toEqual(asJson(value));
      }),
      { numRuns: 300 },
    );
  });

  it('tells the kind of value it holds without the key', () => {
    const key = newDataKey();
    expect([sealValue(key, 'a', REF), sealValue(key, 1, REF), sealValue(key, { a: 1 }, REF)].map(sealedKindOf)).toEqual([
      's',
      'n',
      'x',
    ]);
  });

  it('does not show the value in what is stored, and two seals of one value differ', () => {
    const key = newDataKey();
    const a = sealValue(key, '王建国', REF);
    expect(a).not.toContain('王建国');
    expect(sealValue(key, '王建国', REF)).not.toBe(a);
  });

  it('refuses another key, an altered byte, and a value moved to another person', () => {
    const key = newDataKey();
    const sealed = sealValue(key, '110105194912310021', REF);
    expect(() => openValue(newDataKey(), sealed)).toThrow();
    const body = sealed.split('.');
    body[4] = Buffer.from('x'.repeat(18)).toString('base64url');
    expect(() => openValue(key, body.join('.'))).toThrow();
    expect(() => openValue(key, sealed.replace(REF, OTHER))).toThrow();
    expect(() => openValue(key, 'pd1.not-sealed')).toThrow();
  });
});

describe('personal field paths', () => {
  const data = {
    person: { idNumber: '1', name: '甲' },
    members: [{ name: '乙', n: 1 }, { name: '丙' }],
    amountFen: 100,
  };

  it('replaces exactly the named fields, array elements included, and skips absent ones', () => {
    const out = mapPaths(data, ['person.name', 'members.*.name', 'student.name', 'amountFen.x'], (v) => `<${String(v)}>`);
    expect(out).toEqual({
      person: { idNumber: '1', name: '<甲>' },
      members: [{ name: '<乙>', n: 1 }, { name: '<丙>' }],
      amountFen: 100,
    });
    expect(data.person.name).toBe('甲');
  });

  it('finds strings wherever they stand', () => {
    expect(mapStrings({ a: ['x', { b: 'x' }], c: 1 }, (s) => s === 'x', () => 0)).toEqual({ a: [0, { b: 0 }], c: 1 });
    const seen: string[] = [];
    forEachString({ a: ['x', { b: 'y' }], c: 1, d: null }, (s) => s !== 'z', (s) => seen.push(s));
    expect(seen).toEqual(['x', 'y']);
  });

  it('copies only what it changes, and never the data it was given', () => {
    const given = { a: { b: 'x', c: [1, 'k'] }, d: ['y'], e: { f: 1 } };
    const frozen = JSON.stringify(given);
    const out = mapStrings(given, (s) => s === 'x', () => 0) as typeof given;
    expect(out).toEqual({ a: { b: 0, c: [1, 'k'] }, d: ['y'], e: { f: 1 } });
    expect(JSON.stringify(given)).toBe(frozen);
    expect(out.a.c).toBe(given.a.c);
    expect(out.d).toBe(given.d);
    expect(out.e).toBe(given.e);
    expect(mapStrings(given, () => false, () => 0)).toBe(given);
  });
});
