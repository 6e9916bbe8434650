import { referralIdFor } from './referral-id';

describe('referralIdFor', () => {
  it('gives the same v5 uuid for the same source event and another for another event', () => {
    const id = referralIdFor('0d3c6c8e-4a55-4f6b-9e39-3c1f8c0a6b21');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(referralIdFor('0d3c6c8e-4a55-4f6b-9e39-3c1f8c0a6b21')).toBe(id);
    expect(referralIdFor('0d3c6c8e-4a55-4f6b-9e39-3c1f8c0a6b22')).not.toBe(id);
  });
});
