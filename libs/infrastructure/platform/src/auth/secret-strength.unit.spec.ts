import { randomBytes } from 'node:crypto';
import { assertStrongSecret, estimatedBits } from './secret-strength';

/** The refusal message for `value` as JWT_SECRET, or '' when accepted. */
function refusalOf(value: string): string {
  try {
    assertStrongSecret('JWT_SECRET', value);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

describe('assertStrongSecret: low-entropy secrets (issue 13 item 3)', () => {
  it.each([
    ['a short unit repeated', 'abcd'.repeat(10), 'it repeats a shorter sequence'],
    ['a longer unit repeated, cut short', 'Zx9!Kq2#'.repeat(5).slice(0, 37), 'it repeats a shorter sequence'],
    ['an ascending run', '1234567890abcdefghijklmnopqrstuvwxyz', 'mostly a run of neighbouring characters'],
    ['a descending run', 'zyxwvutsrqponmlkjihgfedcba9876543210', 'mostly a run of neighbouring characters'],
    ['a keyboard run', 'qwertyuiopasdfghjklzxcvbnm1234567890', 'mostly a run of neighbouring characters'],
    ['five symbols, irregular', 'aeimqaeqimaqmieaqemiaqmeaiqmeiqma', 'too predictable'],
    ['mostly one character', `${'x'.repeat(30)}q7Zt`, 'too predictable'],
  ])('refuses %s, naming the variable and never the value', (_case, value, why) => {
    const message = refusalOf(value);
    expect(message).toContain('JWT_SECRET is not a safe secret: ');
    expect(message).toContain(why);
    expect(message).not.toContain(value);
  });

  it('accepts what the documentation tells operators to generate', () => {
    for (let i = 0; i < 50; i++) {
      expect(refusalOf(randomBytes(48).toString('base64'))).toBe('');
      expect(refusalOf(randomBytes(32).toString('hex'))).toBe('');
      expect(refusalOf(randomBytes(24).toString('base64url'))).toBe('');
    }
  });

  it('estimates bits from character frequencies', () => {
    expect(estimatedBits('a'.repeat(64))).toBe(0);
    // 1 bit a character, plus the small-sample correction (k − 1) / (2 ln 2).
    expect(estimatedBits('ab'.repeat(32))).toBeCloseTo(64 + 1 / (2 * Math.LN2));
    expect(estimatedBits('0123456789abcdef'.repeat(4))).toBeCloseTo(256 + 15 / (2 * Math.LN2));
  });
});
