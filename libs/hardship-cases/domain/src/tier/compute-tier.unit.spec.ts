import { DomainError } from '@union/kernel';
import { DEFAULT_POLICY } from '../policy/region-policy';
import { computeTier, formatYuan, notEligibleError } from './compute-tier';

// Default policy: L = 90000 fen, relative line = floor(90000 * 15000 / 10000) = 135000 fen.
const tierOf = (monthlyHouseholdIncomeFen: number, householdSize = 1, emergencyExpenseFen?: number) =>
  computeTier({ monthlyHouseholdIncomeFen, householdSize, emergencyExpenseFen }, DEFAULT_POLICY);

describe('computeTier', () => {
  it('is deep when per-capita income is exactly L', () => {
    expect(tierOf(90_000)).toEqual({
      tier: 'deep',
      perCapitaIncomeFen: 90_000,
      minimumLivingStandardFen: 90_000,
      relativeLineFen: 135_000,
    });
  });

  it('is relative one fen above L, naming L as the line passed', () => {
    expect(tierOf(90_001)).toMatchObject({ tier: 'relative', exceeded: 'minimum_living_standard' });
  });

  it('is relative exactly at the relative line', () => {
    expect(tierOf(135_000).tier).toBe('relative');
  });

  it('refuses one fen above the relative line without an emergency expense', () => {
    expect(tierOf(135_001)).toMatchObject({
      tier: null,
      exceeded: 'relative_line',
      perCapitaIncomeFen: 135_001,
    });
  });

  it('is emergency above the relative line when the expense is exactly 12 months of income', () => {
    expect(tierOf(135_001, 1, 12 * 135_001)).toMatchObject({ tier: 'emergency', exceeded: 'relative_line' });
  });

  it('refuses when the expense is one fen less than 12 months of income', () => {
    expect(tierOf(135_001, 1, 12 * 135_001 - 1).tier).toBeNull();
  });

  it('rounds per-capita income down: 270002 fen for 3 people is 90000 each, deep', () => {
    expect(tierOf(270_002, 3)).toMatchObject({ tier: 'deep', perCapitaIncomeFen: 90_000 });
  });

  it('rounds the relative line down', () => {
    const policy = { minimumLivingStandardFen: 90_001, relativeMultiplierBp: 15_000 };
    const assessment = computeTier({ monthlyHouseholdIncomeFen: 135_002, householdSize: 1 }, policy);
    expect(assessment).toMatchObject({ relativeLineFen: 135_001, tier: null });
  });

  it.each([
    [{ monthlyHouseholdIncomeFen: 1000, householdSize: 0 }, 'household.size'],
    [{ monthlyHouseholdIncomeFen: 1000, householdSize: 1.5 }, 'household.size'],
    [{ monthlyHouseholdIncomeFen: -1, householdSize: 1 }, 'household.monthlyIncomeFen'],
    [{ monthlyHouseholdIncomeFen: 10.5, householdSize: 1 }, 'household.monthlyIncomeFen'],
    [{ monthlyHouseholdIncomeFen: 10, householdSize: 1, emergencyExpenseFen: -5 }, 'emergencyExpenseFen'],
  ])('refuses %j naming %s', (input, field) => {
    expect(() => computeTier(input, DEFAULT_POLICY)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field })] }),
    );
  });
});

describe('the refusal', () => {
  it('names the relative line in yuan and fen', () => {
    const error = notEligibleError(tierOf(135_001));
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('NOT_ELIGIBLE');
    expect(error.message).toContain('relative hardship line of 1350.00 yuan (135000 fen)');
    expect(error.message).toContain('1350.01 yuan (135001 fen)');
    expect(error.details).toEqual({
      exceededLine: 'relative_line',
      perCapitaIncomeFen: 135_001,
      relativeLineFen: 135_000,
      minimumLivingStandardFen: 90_000,
    });
  });

  it('formats fen as yuan with two decimals', () => {
    expect(formatYuan(5)).toBe('0.05 yuan (5 fen)');
    expect(formatYuan(123_456)).toBe('1234.56 yuan (123456 fen)');
  });
});
