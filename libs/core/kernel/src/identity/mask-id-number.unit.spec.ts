import fc from 'fast-check';
import { checkCharOf, validateIdNumber } from './id-number';
import { maskIdNumbersIn, maskIdNumbersInUrl } from './mask-id-number';

const ID = '11010519491231002X';
const MASKED = '110105********002X';

/** Percent-encodes every character of `text` (hex digits in upper or lower case, by `upper`). */
const encodeAll = (text: string, upper = true): string =>
  [...Buffer.from(text, 'utf8')]
    .map((b) => `%${b.toString(16).padStart(2, '0')}`)
    .map((e) => (upper ? e.toUpperCase() : e))
    .join('');

describe('maskIdNumbersInUrl', () => {
  it('masks a number whose characters are all percent-encoded (%31%31…)', () => {
    expect(maskIdNumbersInUrl(`/api/v1/medical-aid/periods/p-1/members/${encodeAll(ID)}`)).toBe(
      `/api/v1/medical-aid/periods/p-1/members/${MASKED}`,
    );
  });

  it('masks a lower-case check character and lower-case hex escapes', () => {
    expect(maskIdNumbersInUrl(`/people/${encodeAll('11010519491231002x', false)}/events`)).toBe(
      '/people/110105********002x/events',
    );
  });

  it('masks numbers in a query string: ?idNumber=, subject=', () => {
    expect(maskIdNumbersInUrl(`/claims?idNumber=${ID}&subject=${encodeAll(ID)}&q=a+b`)).toBe(
      `/claims?idNumber=${MASKED}&subject=${MASKED}&q=a+b`,
    );
  });

  it('masks double- and triple-encoded numbers', () => {
    const once = encodeAll(ID);
    const twice = once.replace(/%/g, '%25');
    expect(maskIdNumbersInUrl(`/x/${twice}`)).toBe(`/x/${MASKED}`);
    expect(maskIdNumbersInUrl(`/x/${twice.replace(/%/g, '%25')}`)).toBe(`/x/${MASKED}`);
  });

  it('tolerates malformed escapes around a number and keeps them', () => {
    expect(maskIdNumbersInUrl(`/x/%E7%ZZ%/${encodeAll(ID)}%`)).toBe(`/x/%E7%ZZ%/${MASKED}%`);
    expect(maskIdNumbersInUrl('/x/%E7%8E%8B')).toBe('/x/王');
  });

  it('masks full-width digits and Ｘ, as a Chinese input method types them', () => {
    const fullWidth = [...ID].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    expect(maskIdNumbersInUrl(`/x/${encodeURIComponent(fullWidth)}`)).toBe(`/x/${MASKED}`);
  });

  it('leaves ids that are not identity numbers alone', () => {
    const path = '/api/v1/hardship/cases/3f2b8c1e-6d4a-4b7e-9c21-5a0d7e9f1b34?page=2&fromVersion=12';
    expect(maskIdNumbersInUrl(path)).toBe(path);
  });
});

describe('maskIdNumbersIn', () => {
  it('masks a valid number glued to other digits or letters, and id-shaped runs standing alone', () => {
    expect(maskIdNumbersIn(`ref9${ID}abc`)).toContain(MASKED);
    expect(maskIdNumbersIn('110105194912310021 is mistyped')).toBe('110105********0021 is mistyped');
    expect(maskIdNumbersIn('1234567890123456789012')).toBe('1234567890123456789012');
  });
});

// --- the property: no valid number survives, in any encoding the masker decodes -------------

const validId = fc
  .tuple(
    fc.stringMatching(/^[1-9]\d{5}$/),
    fc.date({ min: new Date('1900-01-01'), max: new Date('2024-12-31'), noInvalidDate: true }),
    fc.stringMatching(/^\d{3}$/),
    fc.boolean(),
  )
  .map(([region, birth, seq, lower]) => {
    const first17 = `${region}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${seq}`;
    const id = first17 + checkCharOf(first17);
    return lower ? id.replace('X', 'x') : id;
  });

type Encoding = (text: string, pick: (i: number) => boolean) => string;
const ENCODINGS: Record<string, Encoding> = {
  plain: (t) => t,
  someChars: (t, pick) => [...t].map((c, i) => (pick(i) ? encodeAll(c, i % 2 === 0) : c)).join(''),
  everyChar: (t) => encodeAll(t),
  double: (t, pick) => ENCODINGS.someChars(t, pick).replace(/%/g, '%25'),
  triple: (t) => encodeAll(t).replace(/%/g, '%25').replace(/%/g, '%25'),
  fullWidth: (t, pick) =>
    [...t]
      .map((c, i) => (pick(i) && /\d/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c))
      .join(''),
  fullWidthEncoded: (t) => encodeURIComponent(ENCODINGS.fullWidth(t, () => true)),
};

const around = fc.constantFrom(
  '',
  '/api/v1/people/',
  '/members/',
  '?idNumber=',
  '&subject=',
  '9',
  '12',
  'X',
  'a',
  '%',
  '%E7',
  '%ZZ',
  '%25',
  '中',
  '/events',
);

/** An independent decoder for the check: ASCII escapes one by one, UTF-8, NFKC, to a fixpoint. */
function decodedEveryWay(text: string): string {
  let current = text;
  for (;;) {
    let next = current.replace(/%([0-7][0-9A-Fa-f])/g, (_, h: string) =>
      String.fromCharCode(parseInt(h, 16)),
    );
    try {
      next = decodeURIComponent(next);
    } catch {
      // malformed somewhere: the escape-by-escape decoding above is all there is
    }
    next = next.normalize('NFKC');
    if (next === current) return current;
    current = next;
  }
}

function validIdsIn(text: string): string[] {
  const found: string[] = [];
  for (let i = 0; i + 18 <= text.length; i++) {
    const window = text.slice(i, i + 18);
    if (validateIdNumber(window).ok) found.push(window);
  }
  return found;
}

describe('maskIdNumbersInUrl, property', () => {
  it('leaves no valid identity number in its answer, decoded in any way it decodes', () => {
    fc.assert(
      fc.property(
        validId,
        fc.constantFrom(...Object.keys(ENCODINGS)),
        fc.func(fc.boolean()),
        around,
        around,
        (id, encoding, pick, before, after) => {
          const url = `${before}${ENCODINGS[encoding](id, (i) => pick(i))}${after}`;
          const masked = maskIdNumbersInUrl(url);
          expect(validIdsIn(decodedEveryWay(masked))).toEqual([]);
          expect(validIdsIn(masked)).toEqual([]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('keeps the region and the last four characters when the number stands alone', () => {
    fc.assert(
      fc.property(validId, fc.constantFrom(...Object.keys(ENCODINGS)), (id, encoding) => {
        const masked = maskIdNumbersInUrl(`/people/${ENCODINGS[encoding](id, () => true)}/timeline`);
        expect(masked).toBe(`/people/${id.slice(0, 6)}********${id.slice(14)}/timeline`);
      }),
    );
  });
});

describe('maskIdNumbersInUrl, deeper than any client encodes', () => {
  it('leaves nothing of a number encoded 20 times that any decoding could read', () => {
    let url = encodeAll(ID);
    for (let i = 1; i < 20; i++) url = url.replace(/%/g, '%25');
    const masked = maskIdNumbersInUrl(`/x/${url}`);
    expect(validIdsIn(decodedEveryWay(masked))).toEqual([]);
    expect(decodedEveryWay(masked)).not.toContain('0519491231');
  });
});
