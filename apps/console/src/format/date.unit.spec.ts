import { addDays, chinaDateOf, formatDate, formatInstant } from './date';

describe('dates as caseworkers read them', () => {
  it('writes an ISO date as 2026年9月1日', () => {
    expect(formatDate('2026-09-01')).toBe('2026年9月1日');
    expect(formatDate('2026-12-31')).toBe('2026年12月31日');
    expect(formatDate('2026-09-01T10:00:00Z')).toBe('2026年9月1日');
    expect(formatDate(null)).toBe('—');
    expect(formatDate('not a date')).toBe('not a date');
  });

  it('takes the China date of an instant, not the UTC one', () => {
    expect(chinaDateOf(new Date('2026-08-31T16:30:00Z'))).toBe('2026-09-01');
    expect(chinaDateOf(new Date('2026-08-31T15:59:00Z'))).toBe('2026-08-31');
    expect(formatInstant('2026-08-31T16:30:00Z')).toBe('2026年9月1日 00:30');
  });

  it('adds days across months and leap years', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-09-01', 30)).toBe('2026-10-01');
  });
});
