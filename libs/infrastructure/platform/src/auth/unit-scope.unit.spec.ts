import { DomainError } from '@union/kernel';
import { assertStrongSecret } from './secret-strength';
import { assertUnit, canActForUnit } from './unit-scope';

describe('canActForUnit', () => {
  it('allows the units listed and everything for *', () => {
    expect(canActForUnit({ units: ['u-1', 'u-2'] }, 'u-2')).toBe(true);
    expect(canActForUnit({ units: ['u-1'] }, 'u-2')).toBe(false);
    expect(canActForUnit({ units: [] }, 'u-1')).toBe(false);
    expect(canActForUnit({ units: ['*'] }, 'any-unit')).toBe(true);
  });

  it('does not match prefixes or patterns', () => {
    expect(canActForUnit({ units: ['u-1'] }, 'u-10')).toBe(false);
    expect(canActForUnit({ units: ['u-*'] }, 'u-1')).toBe(false);
  });
});

describe('assertUnit', () => {
  it('throws FORBIDDEN naming the unit', () => {
    expect(() => assertUnit({ units: ['*'] }, 'u-9')).not.toThrow();
    expect(() => assertUnit({ units: ['u-1'] }, 'u-9')).toThrow(DomainError);
    expect(() => assertUnit({ units: ['u-1'] }, 'u-9')).toThrow(
      expect.objectContaining({
        code: 'FORBIDDEN',
        message: 'You may act only for your own units, and unit u-9 is not one of them.',
      }),
    );
  });
});

describe('assertStrongSecret', () => {
  it('accepts a long random secret', () => {
    expect(() => assertStrongSecret('JWT_SECRET', 'q8Zt3Vw9pX2mR7nK4bL6cY1hF5jD0sAeGuIo')).not.toThrow();
  });

  it.each([
    ['', 'it is empty'],
    ['short-but-random-9f8e7d', 'fewer than 32 characters'],
    ['union-assistance-dev-jwt-secret-not-for-production', 'published development default'],
    ['please-change-me-before-going-to-production-now', 'placeholder'],
    ['a'.repeat(40), 'too few distinct characters'],
  ])('refuses %p without printing it', (value, why) => {
    let message = '';
    try {
      assertStrongSecret('JWT_SECRET', value);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('JWT_SECRET is not a safe secret: ');
    expect(message).toContain(why);
    if (value !== '') expect(message).not.toContain(value);
  });

  it('refuses the app-specific defaults it is given', () => {
    const devDefault = 'Xk29-our-embedded-default-value-1234567';
    expect(() => assertStrongSecret('PERSON_REF_SECRET', devDefault, [devDefault])).toThrow(
      'published development default',
    );
  });
});
