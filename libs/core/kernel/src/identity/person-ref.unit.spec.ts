import { createHmac } from 'node:crypto';
import { personRef } from './person-ref';
import { maskIdNumber, maskIdNumbersIn } from './mask-id-number';
import { parseIdNumber } from './id-number';

const id = parseIdNumber('11010519491231002X');

describe('personRef', () => {
  it('is the hex HMAC-SHA256 of the normalised number, stable across calls', () => {
    const expected = createHmac('sha256', 'secret-a').update('11010519491231002X').digest('hex');
    expect(personRef('secret-a', id)).toBe(expected);
    expect(personRef('secret-a', id)).toMatch(/^[0-9a-f]{64}$/);
    expect(personRef('secret-a', parseIdNumber('11010519491231002x'))).toBe(expected);
  });

  it('differs by secret and by person', () => {
    expect(personRef('secret-b', id)).not.toBe(personRef('secret-a', id));
    expect(personRef('secret-a', parseIdNumber('440305199001011213'))).not.toBe(personRef('secret-a', id));
  });

  it('refuses an empty secret', () => {
    expect(() => personRef('', id)).toThrow('non-empty secret');
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 6 and last 4 characters with 8 stars between', () => {
    expect(maskIdNumber(id)).toBe('110105********002X');
  });

  it('masks anything that is not 18 characters entirely', () => {
    expect(maskIdNumber('1101051949')).toBe('**********');
  });

  it('masks numbers inside free text', () => {
    expect(maskIdNumbersIn('/api/v1/people/11010519491231002x/timeline')).toBe(
      '/api/v1/people/110105********002x/timeline',
    );
    expect(maskIdNumbersIn('/claims/1234')).toBe('/claims/1234');
  });
});
