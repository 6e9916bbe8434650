import { timeOrderedUuid } from './start-streams';

describe('timeOrderedUuid', () => {
  it('is a valid UUID (version 7 layout, RFC variant) that sorts by its millisecond', () => {
    const ids = [1_700_000_000_000, 1_700_000_000_001, 1_800_000_000_000].map((ms) => timeOrderedUuid(ms));
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0].slice(0, 13)).toBe('018bcfe5-6800');
    expect(new Set(Array.from({ length: 1000 }, () => timeOrderedUuid(1)))).toHaveProperty('size', 1000);
  });
});
