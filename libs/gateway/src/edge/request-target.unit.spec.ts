import { ProblemException } from '@union/platform';
import { TRAVERSAL_CORPUS } from '../testing/traversal-corpus';
import { isCanonicalTarget, parseRequestTarget } from './request-target';

function refusal(target: string): { status: number; code: string; field?: string } | undefined {
  try {
    parseRequestTarget(target);
    return undefined;
  } catch (error) {
    if (!(error instanceof ProblemException)) throw error;
    return { status: error.body.status, code: error.code, field: error.body.errors?.[0]?.field };
  }
}

describe('the path rule', () => {
  it.each([
    // A percent-encoded parameter, a trailing slash, the root, and a query that only looks like a path.
    ['/api/v1/hardship/cases/a%20b', '/api/v1/hardship/cases/a%20b', ''],
    ['/api/v1/hardship/cases/', '/api/v1/hardship/cases/', ''],
    ['/', '/', ''],
    ['/api/v1/people/11010519491231002X', '/api/v1/people/11010519491231002X', ''],
    ['/api/v1/grants/campaigns/%E9%87%91%E7%A7%8B', '/api/v1/grants/campaigns/%E9%87%91%E7%A7%8B', ''],
    ['/api/v1/hardship/cases/a..b/x.', '/api/v1/hardship/cases/a..b/x.', ''],
    ['/api/v1/hardship/cases?status=open&unitId=u-1', '/api/v1/hardship/cases', 'status=open&unitId=u-1'],
    ['/a?x=/../..;y=%2F%5C?z', '/a', 'x=/../..;y=%2F%5C?z'],
    ['/a?', '/a', ''],
  ])('serves %s as it is', (target, path, query) => {
    expect(parseRequestTarget(target)).toEqual({ path, query });
    expect(isCanonicalTarget(target)).toBe(true);
  });

  it.each([
    ['http://gateway/api/v1/people/1', 'path'],
    ['*', 'path'],
    ['', 'path'],
    ['/a#b', 'path'],
    ['/a?b#c', 'path'],
    ['/a\\b', 'path'],
    ['/a;b', 'path'],
    ['/a|b', 'path'],
    ['/a"b', 'path'],
    ['/a{b}', 'path'],
    ['/a[0]', 'path'],
    ['/a^b', 'path'],
    ['/a`b', 'path'],
    ['/a<b>', 'path'],
    ['/a%', 'path'],
    ['/a%4', 'path'],
    ['/a%g0', 'path'],
    ['/a%00', 'path'],
    ['/a%1f', 'path'],
    ['/a%7F', 'path'],
    ['//a', 'path'],
    ['/a//b', 'path'],
    ['/a/./b', 'path'],
    ['/a/../b', 'path'],
    ['/a/..', 'path'],
    ['/a/%2e', 'path'],
    ['/a/%2E%2e/b', 'path'],
    ['/a/.%2E/b', 'path'],
    ['/a/%2e./b', 'path'],
    ['/a%2Fb', 'path'],
    ['/a%2fb', 'path'],
    ['/a%5Cb', 'path'],
    ['/a%5cb', 'path'],
    ['/a%3Fb', 'path'],
    ['/a%23b', 'path'],
    ['/a%3bb', 'path'],
    ['/a%252e%252e', 'path'],
    ['/a%c0%af', 'path'],
    ['/a%ff', 'path'],
    ['/a?b=c\\d', 'query'],
    ['/a?b=%00', 'query'],
    ['/a?b=%0A', 'query'],
    ['/a?b=%zz', 'query'],
    ['/a?b=c|d', 'query'],
  ])('refuses %s with a 400 problem', (target, field) => {
    expect(refusal(target)).toEqual({ status: 400, code: 'VALIDATION_FAILED', field });
    expect(isCanonicalTarget(target)).toBe(false);
  });

  it('refuses every probe of the traversal corpus it is expected to refuse, and no other', () => {
    for (const probe of TRAVERSAL_CORPUS) {
      const target = probe.target.replace('{idNumber}', '110105198001010024');
      expect([probe.name, refusal(target)?.status ?? 'served']).toEqual([
        probe.name,
        probe.status === 400 ? 400 : 'served',
      ]);
    }
  });
});
