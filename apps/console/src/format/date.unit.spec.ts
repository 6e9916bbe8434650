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

  it('agrees with the Asia/Shanghai time zone for instants from 1992 to 2100', () => {
    const zone = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const from = Date.UTC(1992, 0, 1);
    const to = Date.UTC(2100, 0, 1);
    // A fixed stride of a prime number of minutes: every hour of the day, every day of the year.
    for (let t = from; t < to; t += 7_919 * 60_000) {
      const at = new Date(t);
      const p = Object.fromEntries(zone.formatToParts(at).map((x) => [x.type, x.value]));
      expect(chinaDateOf(at)).toBe(`${p.year}-${p.month}-${p.day}`);
      expect(formatInstant(at.toISOString()).slice(-5)).toBe(`${p.hour}:${p.minute}`);
    }
  });

  it('adds days across months and leap years', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-09-01', 30)).toBe('2026-10-01');
  });
});
