import { DomainError } from '../errors/domain-error';
import { parsePurpose } from './purpose';

function refusal(raw: unknown): DomainError {
  try {
    parsePurpose(raw);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`${JSON.stringify(raw)} was taken`);
}

describe('parsePurpose (API.md: purpose, 4-200 characters)', () => {
  it('is null when no purpose is given', () => {
    expect(parsePurpose(undefined)).toBeNull();
  });

  it('takes 4 to 200 characters, trimmed, counted as characters', () => {
    expect(parsePurpose('  核实身份  ')).toBe('核实身份');
    expect(parsePurpose('𠮷𠮷𠮷𠮷')).toBe('𠮷𠮷𠮷𠮷');
    expect(parsePurpose('办'.repeat(200))).toHaveLength(200);
  });

  it.each([
    ['too short', '核实'],
    ['blank', '      '],
    ['too long', '办'.repeat(201)],
    ['a line break', '核实\n身份信息'],
    ['repeated', ['核实身份', '发放救助']],
    ['empty', ''],
  ])('refuses %s with VALIDATION_FAILED on purpose', (_, raw) => {
    const error = refusal(raw);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.errors).toEqual([{ field: 'purpose', message: expect.any(String) }]);
  });
});
