import { DomainError } from '@union/kernel';
import { assertStrongSecret } from './secret-strength';
import { assertUnitPath, canActForPath, collectUnitsActedFor } from './unit-scope';

describe('canActForPath', () => {
  it('allows the units listed and everything for *', () => {
    expect(canActForPath({ units: ['u-1', 'u-2'] }, ['u-2'])).toBe(true);
    expect(canActForPath({ units: ['u-1'] }, ['u-2'])).toBe(false);
    expect(canActForPath({ units: [] }, ['u-1'])).toBe(false);
    expect(canActForPath({ units: ['*'] }, ['any-unit'])).toBe(true);
  });

  it('allows a unit below one listed, never one above or beside it', () => {
    const county = ['cn', 'henan', 'zhengzhou', 'zhongyuan'];
    expect(canActForPath({ units: ['zhengzhou'] }, county)).toBe(true);
    expect(canActForPath({ units: ['henan'] }, county)).toBe(true);
    expect(canActForPath({ units: ['zhongyuan'] }, ['cn', 'henan', 'zhengzhou'])).toBe(false);
    expect(canActForPath({ units: ['luoyang'] }, county)).toBe(false);
  });

  it('does not match prefixes or patterns', () => {
    expect(canActForPath({ units: ['u-1'] }, ['u-10'])).toBe(false);
    expect(canActForPath({ units: ['u-*'] }, ['u-1'])).toBe(false);
  });
});

describe('assertUnitPath', () => {
  it('throws FORBIDDEN naming the unit', () => {
    expect(() => assertUnitPath({ units: ['*'] }, 'u-9', ['u-9'])).not.toThrow();
    expect(() => assertUnitPath({ units: ['u-1'] }, 'u-9', ['u-1', 'u-9'])).not.toThrow();
    expect(() => assertUnitPath({ units: ['u-1'] }, 'u-9', ['u-9'])).toThrow(DomainError);
    expect(() => assertUnitPath({ units: ['u-1'] }, 'u-9', ['u-9'])).toThrow(
      expect.objectContaining({
        code: 'FORBIDDEN',
        message: 'You may act only for your own units, and unit u-9 is not one of them.',
      }),
    );
  });

  it('notes the unit it let through for a replay to re-check', () => {
    const noted = new Set<string>();
    collectUnitsActedFor(noted, () => assertUnitPath({ units: ['u-1'] }, 'u-9', ['u-1', 'u-9']));
    expect([...noted]).toEqual(['u-9']);
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
