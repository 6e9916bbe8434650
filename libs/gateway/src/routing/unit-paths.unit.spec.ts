import type { ProxyService } from '../proxy/proxy.service';
import { UNIT_PATH_TTL_MS, UnitPaths } from './unit-paths';

/** The organisation upstream as the gateway's proxy reaches it: answers per orgId, calls counted. */
function organisation(answers: Record<string, { status: number; body: unknown } | Error>) {
  const calls: { path: string; headers: Record<string, string> }[] = [];
  const proxy = {
    getJson: (upstream: string, path: string, headers: Record<string, string>) => {
      calls.push({ path, headers });
      if (upstream !== 'organisation') throw new Error(`asked ${upstream}`);
      const answer = answers[decodeURIComponent(path.split('/').at(-1) ?? '')];
      if (answer instanceof Error) return Promise.reject(answer);
      return Promise.resolve(answer ?? { status: 404, body: { code: 'NOT_FOUND' } });
    },
  } as unknown as ProxyService;
  return { proxy, calls };
}

describe('UnitPaths', () => {
  const county = { status: 200, body: { orgId: 'zz-a', path: ['ha', 'zz', 'zz-a'] } };

  it("asks the organisation service with the caller's token and keeps the path for 2 s", async () => {
    let now = 1_000;
    const { proxy, calls } = organisation({ 'zz-a': county });
    const paths = new UnitPaths(proxy, () => now);
    expect(await paths.pathOf('zz-a', 'Bearer t')).toEqual(['ha', 'zz', 'zz-a']);
    expect(calls).toEqual([{ path: '/api/v1/org/units/zz-a', headers: { authorization: 'Bearer t' } }]);
    now += UNIT_PATH_TTL_MS - 1;
    await paths.pathOf('zz-a', 'Bearer t');
    expect(calls).toHaveLength(1);
    now += 1;
    await paths.pathOf('zz-a', 'Bearer t');
    expect(calls).toHaveLength(2);
  });

  it('answers a unit the tree does not know as a tree of its own', async () => {
    const { proxy } = organisation({});
    expect(await new UnitPaths(proxy).pathOf('unit-1', undefined)).toEqual(['unit-1']);
  });

  it('falls back to the unit alone, uncached, when the organisation service cannot answer', async () => {
    const { proxy, calls } = organisation({
      down: new Error('upstream timeout'),
      busy: { status: 503, body: {} },
      odd: { status: 200, body: { path: ['ha', 'elsewhere'] } },
    });
    const paths = new UnitPaths(proxy);
    for (const id of ['down', 'busy', 'odd']) expect(await paths.pathOf(id, 'Bearer t')).toEqual([id]);
    for (const id of ['down', 'busy', 'odd']) await paths.pathOf(id, 'Bearer t');
    expect(calls).toHaveLength(6);
  });
});
