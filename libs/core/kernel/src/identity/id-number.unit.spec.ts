import fc from 'fast-check';
import { birthDateOf, checkCharOf, parseIdNumber, validateIdNumber } from './id-number';
import { idNumberWithCheckChar } from '../testing';
import { DomainError } from '../errors/domain-error';

function reasonFor(raw: unknown, today?: string): string {
  const result = validateIdNumber(raw, { today });
  if (result.ok) throw new Error(`expected ${String(raw)} to be refused`);
  return result.reason;
}

describe('validateIdNumber', () => {
  it('accepts the well-known sample 11010519491231002X', () => {
    expect(validateIdNumber('11010519491231002X')).toEqual({ ok: true, value: '11010519491231002X' });
  });

  it('accepts numbers made with the fixture helper, whose check characters cover 0-9 and X', () => {
    const ids = ['4403051990010112', '3201021985063002', '5101071979121500', '1101011900010100'].flatMap(
      (p) => [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => idNumberWithCheckChar(`${p}${d}`)),
    );
    expect(new Set(ids.map((id) => id[17])).size).toBe(11);
    for (const id of ids) expect(validateIdNumber(id)).toEqual({ ok: true, value: id });
  });

  it('normalises a lower-case x to X', () => {
    expect(validateIdNumber('11010519491231002x')).toEqual({ ok: true, value: '11010519491231002X' });
    expect(parseIdNumber('11010519491231002x')).toBe('11010519491231002X');
  });

  it('names the expected and the given check character', () => {
    expect(idNumberWithCheckChar('44030519900101121')).toBe('440305199001011213');
    expect(reasonFor('440305199001011217')).toBe('The check character should be 3 but is 7.');
  });

  it('refuses every wrong check character of random valid numbers', () => {
    const first17 = fc
      .tuple(
        fc.stringMatching(/^[1-9]\d{5}$/),
        fc.date({ min: new Date('1900-01-01'), max: new Date('2024-12-31'), noInvalidDate: true }),
        fc.stringMatching(/^\d{3}$/),
      )
      .map(([region, birth, seq]) => `${region}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${seq}`);
    fc.assert(
      fc.property(first17, fc.constantFrom(...'0123456789X'), (prefix, check) => {
        const result = validateIdNumber(prefix + check);
        expect(result.ok).toBe(check === checkCharOf(prefix));
      }),
    );
  });

  it('refuses birth dates that do not exist', () => {
    expect(reasonFor(idNumberWithCheckChar('11010520230230002'))).toBe(
      'Characters 7 to 14 of an identity number are the birth date; 2023-02-30 is not a real date.',
    );
    expect(reasonFor(idNumberWithCheckChar('11010519901301002'))).toContain('1990-13-01 is not a real date');
    expect(reasonFor(idNumberWithCheckChar('11010519230229002'))).toContain('1923-02-29 is not a real date');
    expect(validateIdNumber(idNumberWithCheckChar('11010520000229002')).ok).toBe(true);
  });

  it('refuses birth dates before 1900 and, given today, in the future', () => {
    expect(reasonFor(idNumberWithCheckChar('11010518991231002'))).toBe(
      'The birth date in the identity number (1899-12-31) is before 1900-01-01.',
    );
    const bornToday = idNumberWithCheckChar('11010520240601002');
    expect(validateIdNumber(bornToday, { today: '2024-06-01' }).ok).toBe(true);
    expect(reasonFor(bornToday, '2024-05-31')).toBe(
      'The birth date in the identity number (2024-06-01) is in the future.',
    );
    expect(validateIdNumber(bornToday).ok).toBe(true);
  });

  it('refuses wrong lengths and characters with the position at fault', () => {
    expect(reasonFor('11010519491231002')).toBe(
      'An identity number has 18 characters (17 digits and a check character); this one has 17.',
    );
    expect(reasonFor(' 11010519491231002X')).toContain('this one has 19');
    expect(reasonFor('')).toContain('this one has 0');
    expect(reasonFor('1101A519491231002X')).toBe(
      "Characters 1 to 17 of an identity number must be digits; character 5 is 'A'.",
    );
    expect(reasonFor('11010519491231002Y')).toBe(
      "The last character of an identity number must be a digit or X; it is 'Y'.",
    );
    expect(reasonFor(110105194912310020)).toBe('The identity number must be a text string.');
  });
});

describe('parseIdNumber', () => {
  it('throws a VALIDATION_FAILED DomainError naming the field', () => {
    let thrown: unknown;
    try {
      parseIdNumber('110105194912310021', { field: 'student.idNumber' });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'The check character should be X but is 1.',
      errors: [{ field: 'student.idNumber', message: 'The check character should be X but is 1.' }],
    });
  });
});

describe('birthDateOf', () => {
  it('reads characters 7-14 as a date', () => {
    expect(birthDateOf(parseIdNumber('11010519491231002X'))).toBe('1949-12-31');
  });
});

describe('validateIdNumber problem data (for clients that word it themselves)', () => {
  const problemOf = (raw: unknown, today?: string) => {
    const result = validateIdNumber(raw, { today });
    if (result.ok) throw new Error(`expected ${String(raw)} to be refused`);
    return result.problem;
  };
  it('names each problem with its figures', () => {
    expect(problemOf(42)).toEqual({ kind: 'not_text' });
    expect(problemOf('1101')).toEqual({ kind: 'length', length: 4 });
    expect(problemOf('11010519491231A02X')).toEqual({ kind: 'digit', position: 15 });
    expect(problemOf('11010519491231002Y')).toEqual({ kind: 'last_char' });
    expect(problemOf(idNumberWithCheckChar('11010519901301002'))).toEqual({ kind: 'birth_date_invalid' });
    expect(problemOf(idNumberWithCheckChar('11010518991231002'))).toEqual({
      kind: 'birth_date_too_early',
      birthDate: '1899-12-31',
    });
    expect(problemOf(idNumberWithCheckChar('11010520300101002'), '2026-09-01')).toEqual({
      kind: 'birth_date_future',
      birthDate: '2030-01-01',
    });
    expect(problemOf('440305199001011217')).toEqual({ kind: 'check_char', expected: '3', actual: '7' });
  });
});
