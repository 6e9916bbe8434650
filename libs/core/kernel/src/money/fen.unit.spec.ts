import { applyRatioBp, assertFen, sumFen } from './fen';
import { DomainError } from '../errors/domain-error';

describe('assertFen', () => {
  it('accepts safe integers from 0', () => {
    expect(() => assertFen(0, 'amountFen')).not.toThrow();
    expect(() => assertFen(Number.MAX_SAFE_INTEGER, 'amountFen')).not.toThrow();
  });

  it.each([[-1], [1.5], [Number.NaN], [2 ** 53], ['100'], [null]])(
    'refuses %p with a field error',
    (value) => {
      expect(() => assertFen(value, 'bill.totalFen')).toThrow(DomainError);
      try {
        assertFen(value, 'bill.totalFen');
      } catch (e) {
        expect(e).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'bill.totalFen' }] });
      }
    },
  );
});

describe('applyRatioBp', () => {
  it('rounds down to the whole fen', () => {
    expect(applyRatioBp(999, 5000)).toBe(499);
    expect(applyRatioBp(1, 9999)).toBe(0);
    expect(applyRatioBp(10000, 15000)).toBe(15000);
  });

  it('stays exact where fen * bp passes 2^53', () => {
    const fen = 2 ** 40 + 7; // 1099511627783
    // fen * 6000 is about 6.6e15 < 2^53, but fen * 9999 is about 1.1e16 > 2^53.
    expect(applyRatioBp(fen, 9999)).toBe(Number((BigInt(fen) * 9999n) / 10000n));
    expect(applyRatioBp(fen, 9999)).toBe(1099401676620);
    expect(applyRatioBp(Number.MAX_SAFE_INTEGER, 10000)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses a negative or fractional ratio', () => {
    expect(() => applyRatioBp(100, -1)).toThrow(DomainError);
    expect(() => applyRatioBp(100, 0.5)).toThrow(DomainError);
  });
});

describe('sumFen', () => {
  it('adds amounts and refuses a sum past the safe range', () => {
    expect(sumFen()).toBe(0);
    expect(sumFen(1, 2, 3)).toBe(6);
    expect(() => sumFen(Number.MAX_SAFE_INTEGER, 1)).toThrow('too large');
    expect(() => sumFen(1, -2)).toThrow('amounts[1] must be a whole number of fen');
  });
});
