import { DomainError } from '../errors/domain-error';
import { chinaDatePeriod } from './date-period';

describe('chinaDatePeriod', () => {
  it('bounds the business dates by China midnights, both dates included', () => {
    expect(chinaDatePeriod('2026-01-01', '2026-01-31', 366)).toEqual({
      start: '2026-01-01T00:00:00+08:00',
      end: '2026-02-01T00:00:00+08:00',
    });
    expect(chinaDatePeriod('2026-12-31', '2026-12-31', 1)).toEqual({
      start: '2026-12-31T00:00:00+08:00',
      end: '2027-01-01T00:00:00+08:00',
    });
  });

  it.each([
    ['from', 'x', '2026-01-01'],
    ['from', undefined, '2026-01-01'],
    ['to', '2026-01-01', '2026-02-30'],
    ['to', '2026-02-01', '2026-01-31'],
    ['to', '2020-01-01', '2026-01-01'],
  ])('refuses a bad %s (%s..%s)', (field, from, to) => {
    let error: unknown;
    try {
      chinaDatePeriod(from, to, 366);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field }] });
  });
});
