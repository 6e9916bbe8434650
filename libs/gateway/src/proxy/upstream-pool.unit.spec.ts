import { UpstreamFailure } from './upstream-http';
import { REFUSED_REPLICA_PAUSE_MS, UpstreamPool, upstreamUrls } from './upstream-pool';

const A = 'http://a:3001';
const B = 'http://b:3001';
const C = 'http://c:3001';

/** Replicas that answer with their own URL, or fail as told. */
function replicas(failures: Record<string, UpstreamFailure['reason']> = {}) {
  const calls: string[] = [];
  const attempt = (base: string): Promise<string> => {
    calls.push(base);
    const reason = failures[base];
    return reason ? Promise.reject(new UpstreamFailure(reason)) : Promise.resolve(base);
  };
  return { calls, attempt };
}

describe('UpstreamPool', () => {
  it('takes the replicas in turn', async () => {
    const pool = new UpstreamPool([A, B, C]);
    const { attempt } = replicas();
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await pool.send(attempt));
    expect(answers).toEqual([A, B, C, A, B, C]);
  });

  it('sends a call that was not sent to the next replica, then passes over the refusing one for a while', async () => {
    let now = 1_000;
    const pool = new UpstreamPool([A, B, C], () => now);
    const { calls, attempt } = replicas({ [A]: 'not-sent' });
    expect(await pool.send(attempt)).toBe(B);
    expect(calls).toEqual([A, B]);
    calls.length = 0;
    // B's and C's turns, then A's turn: A is paused, so C (next live) takes it and A is not tried.
    expect([await pool.send(attempt), await pool.send(attempt), await pool.send(attempt)]).toEqual([B, C, B]);
    expect(calls).toEqual([B, C, B]);
    now += REFUSED_REPLICA_PAUSE_MS + 1;
    calls.length = 0;
    for (let i = 0; i < 3; i++) await pool.send(attempt);
    expect(calls).toEqual([B, C, A, B]); // A's turn again: refused once more, B takes it
  });

  it('tries every replica once before giving up, paused ones included', async () => {
    const pool = new UpstreamPool([A, B]);
    const { calls, attempt } = replicas({ [A]: 'not-sent', [B]: 'not-sent' });
    await expect(pool.send(attempt)).rejects.toMatchObject({ reason: 'not-sent' });
    expect(calls).toEqual([A, B]);
    calls.length = 0;
    await expect(pool.send(attempt)).rejects.toMatchObject({ reason: 'not-sent' });
    expect(calls.sort()).toEqual([A, B]);
  });

  it('never retries a call that may have reached the service (timeout, reset after sending)', async () => {
    for (const reason of ['timeout', 'unreachable'] as const) {
      const pool = new UpstreamPool([A, B]);
      const { calls, attempt } = replicas({ [A]: reason });
      await expect(pool.send(attempt)).rejects.toMatchObject({ reason });
      expect(calls).toEqual([A]);
    }
  });

  it('with no replica at all, answers as if none could be reached', async () => {
    await expect(new UpstreamPool([]).send(() => Promise.resolve('x'))).rejects.toMatchObject({
      reason: 'not-sent',
    });
  });
});

describe('upstreamUrls', () => {
  it('reads base URLs, dropping a trailing slash', () => {
    expect(upstreamUrls('X_URL', ['http://a:3001/', 'https://b.internal/api'])).toEqual([
      'http://a:3001',
      'https://b.internal/api',
    ]);
    expect(upstreamUrls('X_URL', undefined)).toEqual([]);
  });

  it('names the variable and the entry that is not a base URL', () => {
    expect(() => upstreamUrls('HARDSHIP_CASES_URL', ['http://a:3001', 'hardship:3001'])).toThrow(
      "HARDSHIP_CASES_URL: 'hardship:3001' must be a plain http(s) base URL.",
    );
    expect(() => upstreamUrls('HARDSHIP_CASES_URL', ['not a url'])).toThrow(/not a URL/);
    expect(() => upstreamUrls('HARDSHIP_CASES_URL', ['http://u:p@a:1'])).toThrow(/plain/);
  });
});
