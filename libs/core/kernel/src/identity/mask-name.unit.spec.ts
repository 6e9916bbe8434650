import fc from 'fast-check';
import { maskName } from './mask-name';

describe('maskName (DOMAIN.md §5: 王*国 for a reader outside the record\'s unit)', () => {
  it.each([
    ['王建国', '王*国'],
    ['王芳', '王*'],
    ['王', '*'],
    ['欧阳娜娜', '欧**娜'],
    ['司马相如之', '司***之'],
    ['买买提·艾力', '买**·*力'],
    ['John Smith', 'J*** ****h'],
    ['𠮷田明', '𠮷*明'],
    ['𠮷野', '𠮷*'],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('leaves an empty, a missing and an erased name as they are', () => {
    expect(maskName('')).toBe('');
    expect(maskName(null)).toBeNull();
    expect(maskName(undefined)).toBeUndefined();
    expect(maskName('[erased]')).toBe('[erased]');
  });

  it('keeps the length in characters and never shows a middle character', () => {
    const han = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c));
    fc.assert(
      fc.property(fc.array(han, { minLength: 1, maxLength: 12 }), (chars) => {
        const masked = Array.from(maskName(chars.join('')));
        expect(masked).toHaveLength(chars.length);
        expect(masked.slice(1, -1).every((c) => c === '*')).toBe(true);
        if (chars.length >= 3) expect(masked[masked.length - 1]).toBe(chars[chars.length - 1]);
        if (chars.length >= 2) expect(masked[0]).toBe(chars[0]);
      }),
    );
  });
});
