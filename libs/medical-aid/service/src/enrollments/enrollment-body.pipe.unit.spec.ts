import 'reflect-metadata';
import { createValidationPipe } from '@union/platform';
import { EnrollMembersDto } from './enroll-members.dto';
import { EnrollmentBodyPipe, plainlyValidEnrollment } from './enrollment-body.pipe';

const row = { idNumber: '630102198501011234', name: '马海燕', hasBasicMedicalInsurance: true };
const body = (patch: object = {}, rowPatch: object = {}) => ({
  unitId: 'unit-1',
  paymentRef: 'PAY-1',
  members: [row, { ...row, ...rowPatch }],
  ...patch,
});
const withoutKey = (key: string) => {
  const { [key]: _dropped, ...rest } = row as Record<string, unknown>;
  return { ...body(), members: [rest] };
};
const standard = createValidationPipe();
const standardAccepts = async (value: unknown) =>
  standard.transform(value, { type: 'body', metatype: EnrollMembersDto }).then(
    () => true,
    () => false,
  );

/** Bodies at and around every limit of EnrollMembersDto (parsed JSON, as the pipe receives it). */
const CASES: [string, unknown][] = [
  ['a plain body', body()],
  ['a name of 50 characters', body({}, { name: '名'.repeat(50) })],
  ['a name of 51 characters', body({}, { name: '名'.repeat(51) })],
  ['an empty name (the domain rejects the row)', body({}, { name: '' })],
  ['an identity number of 65 characters', body({}, { idNumber: '6'.repeat(65) })],
  ['a unit id of 64 characters', body({ unitId: 'u'.repeat(64) })],
  ['a unit id of 65 characters', body({ unitId: 'u'.repeat(65) })],
  ['an empty unit id', body({ unitId: '' })],
  ['a unit id of one emoji', body({ unitId: '😀' })],
  ['a unit id of 33 emoji (66 UTF-16 units)', body({ unitId: '😀'.repeat(33) })],
  ['an empty payment reference', body({ paymentRef: '' })],
  ['a payment reference of 101 characters', body({ paymentRef: 'p'.repeat(101) })],
  ['an unknown top-level field', body({ extra: 1 })],
  ['an unknown row field', body({}, { age: 3 })],
  ['a row without idNumber', withoutKey('idNumber')],
  ['a row without name', withoutKey('name')],
  ['a row without insurance', withoutKey('hasBasicMedicalInsurance')],
  ['insurance as a string', body({}, { hasBasicMedicalInsurance: 'true' })],
  ['a numeric identity number', body({}, { idNumber: 630102 })],
  ['a null row', { ...body(), members: [row, null] }],
  ['an array row', { ...body(), members: [[row]] }],
  ['no members', body({ members: [] })],
  ['members as an object', body({ members: { 0: row } })],
  ['10,000 members', body({ members: Array.from({ length: 10_000 }, () => row) })],
  ['10,001 members', body({ members: Array.from({ length: 10_001 }, () => row) })],
  ['a __proto__ key', JSON.parse('{"unitId":"u","paymentRef":"p","members":[],"__proto__":{"x":1}}')],
  ['not an object', 'members'],
  ['null', null],
];

describe('EnrollmentBodyPipe', () => {
  it.each(CASES)('takes the fast path only for bodies the DTO accepts: %s', async (_name, value) => {
    if (plainlyValidEnrollment(value)) expect(await standardAccepts(value)).toBe(true);
  });

  it('takes the fast path for an ordinary unit list and returns the body as it came', async () => {
    const value = body({ members: Array.from({ length: 100 }, () => row) });
    expect(plainlyValidEnrollment(value)).toBe(true);
    expect(await new EnrollmentBodyPipe().transform(value)).toBe(value);
  });

  it('accepts and refuses exactly what the standard pipe does, with its field errors', async () => {
    const pipe = new EnrollmentBodyPipe();
    for (const [name, value] of CASES) {
      const mine = await pipe.transform(value).then(
        () => 'accepted',
        (e: { response?: unknown }) => e.response,
      );
      const theirs = await standard.transform(value, { type: 'body', metatype: EnrollMembersDto }).then(
        () => 'accepted',
        (e: { response?: unknown }) => e.response,
      );
      expect({ name, answer: mine }).toEqual({ name, answer: theirs });
    }
  });

  it('refuses a row with an unknown field by its path', async () => {
    await expect(new EnrollmentBodyPipe().transform(body({}, { age: 3 }))).rejects.toMatchObject({
      response: { code: 'VALIDATION_FAILED', errors: [{ field: 'members[1].age' }] },
    });
  });
});
