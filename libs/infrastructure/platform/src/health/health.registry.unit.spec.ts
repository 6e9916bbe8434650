import { HealthRegistry } from './health.registry';

describe('HealthRegistry', () => {
  it('is ready when every check passes, and reports each result', async () => {
    const health = new HealthRegistry();
    expect(await health.check()).toEqual({ ok: true, status: 'ok', checks: {} });
    health.register('database', () => Promise.resolve({ ok: true }));
    health.register('projection:cases', () => Promise.resolve({ ok: false, detail: { lag: 12 } }));
    expect(await health.check()).toEqual({
      ok: false,
      status: 'unavailable',
      checks: { database: { ok: true }, 'projection:cases': { ok: false, detail: { lag: 12 } } },
    });
  });

  it('counts a throwing or hanging check as failed', async () => {
    const health = new HealthRegistry();
    health.register('kafka', () => Promise.reject(new Error('ECONNREFUSED')));
    health.register('slow', () => new Promise(() => undefined));
    expect(await health.check(20)).toEqual({
      ok: false,
      status: 'unavailable',
      checks: {
        kafka: { ok: false, detail: 'ECONNREFUSED' },
        slow: { ok: false, detail: 'no answer within 20 ms' },
      },
    });
  });

  it('stays ready, degraded, when only checks that are not required fail', async () => {
    const health = new HealthRegistry();
    health.register('database', () => Promise.resolve({ ok: true }));
    health.register('broker', () => Promise.reject(new Error('ECONNREFUSED')), { required: false });
    expect(await health.check()).toEqual({
      ok: true,
      status: 'degraded',
      checks: { database: { ok: true }, broker: { ok: false, detail: 'ECONNREFUSED' } },
    });
    health.register('database', () => Promise.resolve({ ok: false, detail: 'connection refused' }));
    expect(await health.check()).toMatchObject({ ok: false, status: 'unavailable' });
  });
});
