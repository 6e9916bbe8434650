import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { startGateway, type TestGateway } from '../gateway-test.fixture';
import { sendRaw } from '../testing/raw-request';
import { TRAVERSAL_CORPUS } from '../testing/traversal-corpus';

const SECRET = 'THE-SECRET-OUTSIDE-THE-BUILD';
const INDEX = '<!doctype html><html lang="zh-CN"><title>帮扶工作台</title><div id="root"></div></html>';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))});`;

/** A request with raw bytes in the target and an Accept-Encoding of our choosing. */
function getGzip(
  url: string,
  target: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      { hostname, port, path: target, headers: { 'accept-encoding': 'gzip' }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** The built console at `/` (CONSOLE.md), from a directory of its own, with no way out of it. */
describe('gateway: the console files', () => {
  let root: string;
  let gw: TestGateway;
  let url: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'console-files-'));
    const dist = join(root, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), INDEX);
    writeFileSync(join(dist, 'assets', 'index-AbC123.js'), SCRIPT);
    writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(root, 'secret.txt'), SECRET);
    writeFileSync(join(root, 'dist-secret.txt'), SECRET);
    // A link inside the build to a file outside it is not served.
    symlinkSync(join(root, 'secret.txt'), join(dist, 'assets', 'linked.txt'));
    gw = await startGateway({ CONSOLE_DIR: dist });
    await gw.app.listen(0, '127.0.0.1');
    url = (await gw.app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    await gw.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves index.html at / and for the app routes, revalidated on every load, with a CSP', async () => {
    for (const target of [
      '/',
      '/login',
      '/cases/3f2b8c1e-6d4a-4b7e-9c21-5a0d7e9f1b34',
      '/workbench?tab=overdue',
    ]) {
      const res = await sendRaw(url, 'GET', target);
      expect([target, res.status, res.text]).toEqual([target, 200, INDEX]);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('serves hashed assets as immutable, gzipped when asked, with ETag revalidation', async () => {
    const plain = await sendRaw(url, 'GET', '/assets/index-AbC123.js');
    expect(plain.status).toBe(200);
    expect(plain.text).toBe(SCRIPT);
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const zipped = await getGzip(url, '/assets/index-AbC123.js');
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.body).toString()).toBe(SCRIPT);
    expect(zipped.body.length).toBeLessThan(SCRIPT.length / 10);
    const etag = String(plain.headers.etag);
    const again = await sendRaw(url, 'GET', '/assets/index-AbC123.js', { 'if-none-match': etag });
    expect([again.status, again.text]).toEqual([304, '']);
    const head = await sendRaw(url, 'HEAD', '/favicon.svg');
    expect([head.status, head.text, head.headers['content-type']]).toEqual([200, '', 'image/svg+xml']);
  });

  it('answers 404 for a missing file, and leaves the API, docs and probes to the gateway', async () => {
    expect((await sendRaw(url, 'GET', '/assets/missing-123.js')).status).toBe(404);
    expect((await sendRaw(url, 'GET', '/robots.txt')).status).toBe(404);
    const api = await sendRaw(url, 'GET', '/api/v1/unknown');
    expect([api.status, api.headers['content-type']]).toEqual([
      404,
      'application/problem+json; charset=utf-8',
    ]);
    expect((await sendRaw(url, 'GET', '/api/v1/hardship/cases')).status).toBe(401);
    expect((await sendRaw(url, 'GET', '/docs-json')).text).toContain('"openapi"');
    expect((await sendRaw(url, 'GET', '/health/live')).status).toBe(200);
    // Only GET and HEAD: a POST to an app route is no file.
    expect((await sendRaw(url, 'POST', '/login')).text).not.toBe(INDEX);
  });

  it('never answers with a file outside the build, however the path is spelled', async () => {
    const targets = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2E%2E/%2E%2E/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets%2f..%2f..%2fsecret.txt',
      '/..%5c..%5csecret.txt',
      '/assets/..\\..\\secret.txt',
      '/.%2e/secret.txt',
      '/%252e%252e/secret.txt',
      '//secret.txt',
      '/assets//../../secret.txt',
      '/assets/linked.txt',
      '/../dist-secret.txt',
      '/%2e%2e%2fdist-secret.txt',
      '/assets/index-AbC123.js%00.txt',
      '/secret.txt',
      ...TRAVERSAL_CORPUS.map((p) => p.target),
    ];
    for (const target of targets) {
      for (const method of ['GET', 'HEAD']) {
        const res = await sendRaw(url, method, target);
        expect([target, res.text.includes(SECRET)]).toEqual([target, false]);
        expect([target, res.status === 200 && res.text !== INDEX && res.text !== '']).toEqual([
          target,
          false,
        ]);
      }
    }
    // The path rule refuses the spellings some hop could read as `..` before the console is asked.
    for (const target of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets%2f..%2f..%2fsecret.txt',
      '/a\\b',
    ]) {
      expect([target, (await sendRaw(url, 'GET', target)).status]).toEqual([target, 400]);
    }
  });
});

describe('gateway: without a console build', () => {
  it('serves the API alone and answers / with 404', async () => {
    const gw = await startGateway({ CONSOLE_DIR: join(tmpdir(), 'no-console-here-' + process.pid) });
    try {
      await gw.app.listen(0, '127.0.0.1');
      const url = (await gw.app.getUrl()).replace('[::1]', '127.0.0.1');
      expect((await sendRaw(url, 'GET', '/')).status).toBe(404);
      expect((await sendRaw(url, 'GET', '/health/live')).status).toBe(200);
    } finally {
      await gw.close();
    }
  });
});
