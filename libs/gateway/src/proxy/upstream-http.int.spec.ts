import { startStub, type StubService } from '../gateway-test.fixture';
import { splitUpstreamUrl, UpstreamHttp } from './upstream-http';

/**
 * Issue 13, item 1: the request the gateway sends a service is the origin and the path exactly as
 * authorised. `new URL` used to parse it, turning `\` into `/` and resolving `..` and `%2e%2e`.
 */
describe('UpstreamHttp sends the path it is given', () => {
  let stub: StubService;
  const http = new UpstreamHttp();
  beforeAll(async () => {
    stub = await startStub('service');
  });
  afterAll(async () => {
    await http.close();
    await stub.close();
  });

  const send = (path: string) =>
    http.send(`${stub.url}${path}`, { method: 'GET', headers: {}, timeoutMs: 2000 });

  it('byte for byte, escapes, dots inside segments, trailing slash and query included', async () => {
    const path = "/api/v1/hardship/cases/a%20b/c..d/e.%7E/!$&'()*+,=:@/?q=/../x;y&z=%2F%5C?w";
    expect((await send(path)).status).toBe(200);
    expect(stub.received.at(-1)?.url).toBe(path);
  });

  it.each([
    '/api/v1/hardship/policies/regions/..\\..\\people\\110105198001010024',
    '/api/v1/hardship/policies/regions/%2e%2e/%2e%2e/people/110105198001010024',
    '/api/v1/hardship/../../metrics',
    '/api/v1/hardship/cases#/../../metrics',
    '//metrics',
  ])('refuses a path some hop could read as another: %s', (path) => {
    const before = stub.received.length;
    expect(() => send(path)).toThrow('non-canonical path');
    expect(stub.received.length).toBe(before);
  });

  it('keeps the path of a base URL in front of the target, and connects to its origin', () => {
    expect(splitUpstreamUrl('http://svc.internal:3001/base/api/v1/x?y=1')).toEqual({
      origin: 'http://svc.internal:3001',
      path: '/base/api/v1/x?y=1',
    });
    expect(splitUpstreamUrl('http://127.0.0.1:3001')).toEqual({ origin: 'http://127.0.0.1:3001', path: '/' });
  });
});
