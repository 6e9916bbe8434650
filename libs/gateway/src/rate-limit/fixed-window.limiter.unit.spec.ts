import { FixedWindowLimiter } from './fixed-window.limiter';

describe('FixedWindowLimiter', () => {
  it('allows the limit per key per minute, then says when to retry, and starts afresh each minute', () => {
    let now = 60_000 * 1000 + 15_000;
    const limiter = new FixedWindowLimiter(2, () => now);
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('b')).toEqual({ allowed: true });
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 45 });
    now += 45_000;
    expect(limiter.take('a')).toEqual({ allowed: true });
  });
});
