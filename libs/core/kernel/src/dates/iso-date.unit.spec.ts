import { addDays, addMonths, compareDates, daysBetween, isIsoDate } from './iso-date';
import { chinaToday } from './china-today';

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-04-31')).toBe(false);
    expect(isIsoDate('2024-4-1')).toBe(false);
    expect(isIsoDate('2024-04-01T00:00:00Z')).toBe(false);
    expect(isIsoDate(20240401)).toBe(false);
  });
});

describe('addMonths', () => {
  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
  });

  it('crosses years both ways', () => {
    expect(addMonths('2024-07-15', 6)).toBe('2025-01-15');
    expect(addMonths('2024-01-15', -1)).toBe('2023-12-15');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });

  it('refuses invalid input', () => {
    expect(() => addMonths('2024-02-30', 1)).toThrow("'2024-02-30' is not a real calendar date");
    expect(() => addMonths('2024-02-01', 1.5)).toThrow(RangeError);
  });
});

describe('addDays and daysBetween', () => {
  it('count calendar days including leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(daysBetween('2024-01-01', '2024-12-31')).toBe(365);
    expect(daysBetween('2024-01-31', '2024-01-01')).toBe(-30);
    expect(daysBetween('2024-06-01', addDays('2024-06-01', 180))).toBe(180);
  });
});

describe('compareDates', () => {
  it('orders dates and sorts', () => {
    expect(compareDates('2024-01-02', '2024-01-10')).toBe(-1);
    expect(compareDates('2024-01-10', '2024-01-10')).toBe(0);
    expect(['2024-03-01', '2023-12-31', '2024-01-01'].sort(compareDates)).toEqual([
      '2023-12-31',
      '2024-01-01',
      '2024-03-01',
    ]);
    expect(() => compareDates('2024-1-1', '2024-01-01')).toThrow();
  });
});

describe('chinaToday', () => {
  it('is the date at UTC+8 whatever the host timezone', () => {
    expect(chinaToday(new Date('2024-03-31T15:59:59.999Z'))).toBe('2024-03-31');
    expect(chinaToday(new Date('2024-03-31T16:00:00Z'))).toBe('2024-04-01');
    expect(chinaToday(new Date('2024-12-31T20:00:00Z'))).toBe('2025-01-01');
    expect(() => chinaToday(new Date('nonsense'))).toThrow(RangeError);
  });
});
