import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One file of the built console, held in memory with its headers. */
interface ConsoleFile {
  readonly body: Buffer;
  readonly gzipped?: Buffer;
  readonly contentType: string;
  readonly cacheControl: string;
  readonly etag: string;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};
const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/;
/** Vite names what it emits under `assets/` by content hash: such a file never changes. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** `index.html` (and anything unhashed) is checked on every load, so a new build is seen at once. */
const REVALIDATE = 'no-cache';
/**
 * Paths that are the gateway's own, never the console's (the API, its docs, probes, metrics), in
 * any case: `/API/…` is a 404, not the console's page.
 */
const NOT_CONSOLE = /^\/(api|docs|docs-json|health|metrics)(\/|$)/i;
/**
 * The console is a single-page app: same-origin scripts and styles only (antd injects <style>).
 * It calls only its own origin, and the identity provider's when it signs in with OpenID Connect
 * (discovery and token endpoint, from the browser).
 */
const contentSecurityPolicy = (connect: readonly string[]) =>
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  `font-src 'self' data:; connect-src ${["'self'", ...connect].join(' ')}; frame-ancestors 'none'; ` +
  "base-uri 'self'; form-action 'self'";

/**
 * The built console (`apps/console/dist`), served by the gateway at `/` (CONSOLE.md). Every file
 * is read into memory when the gateway starts, keyed by its URL path: a request is answered from
 * that table and nothing else, so no request can name a file outside the build, whatever its
 * spelling (and the gateway's path rule has refused `..`, `%2e%2e`, `\` and the like before this
 * is asked). A path with no file is the single-page app's own route: it gets `index.html`,
 * unless it names a file (an extension) or is one of the gateway's own paths, which keep their 404.
 */
export class ConsoleFiles {
  private constructor(
    private readonly files: ReadonlyMap<string, ConsoleFile>,
    private readonly index: ConsoleFile,
    private readonly csp: string,
  ) {}

  /**
   * The build in `dir`, or undefined when there is none (no `index.html`). `connectOrigins`: the
   * origins besides its own the console may call (the identity provider's).
   */
  static load(dir: string, connectOrigins: readonly string[] = []): ConsoleFiles | undefined {
    if (!existsSync(join(dir, 'index.html'))) return undefined;
    const files = new Map<string, ConsoleFile>();
    for (const path of filesUnder(dir)) {
      const urlPath = '/' + relative(dir, path).split(sep).join('/');
      files.set(urlPath, consoleFile(readFileSync(path), urlPath));
    }
    const index = files.get('/index.html');
    if (!index) return undefined;
    return new ConsoleFiles(files, index, contentSecurityPolicy(connectOrigins));
  }

  get size(): number {
    return this.files.size;
  }

  /** The file answering a GET of `path` (raw, as the path rule let it through), if the console has one. */
  lookup(path: string): ConsoleFile | undefined {
    if (NOT_CONSOLE.test(path)) return undefined;
    const file = this.files.get(path === '/' ? '/index.html' : path);
    if (file) return file;
    const last = path.slice(path.lastIndexOf('/') + 1);
    return last.includes('.') ? undefined : this.index;
  }

  /** Answers a GET or HEAD the console has a file for, and returns true; false leaves it to the rest. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const file = this.lookup(q < 0 ? url : url.slice(0, q));
    if (!file) return false;
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Cache-Control', file.cacheControl);
    res.setHeader('ETag', file.etag);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (file.contentType.startsWith('text/html')) {
      res.setHeader('Content-Security-Policy', this.csp);
      res.setHeader('X-Frame-Options', 'DENY');
    }
    if (file.gzipped) res.setHeader('Vary', 'Accept-Encoding');
    if (req.headers['if-none-match'] === file.etag) {
      res.statusCode = 304;
      res.end();
      return true;
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) ? file.gzipped : undefined;
    const body = gzip ?? file.body;
    if (gzip) res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Content-Length', body.length);
    res.statusCode = 200;
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  }
}

function consoleFile(body: Buffer, urlPath: string): ConsoleFile {
  const contentType = TYPES[extname(urlPath).toLowerCase()] ?? 'application/octet-stream';
  const compress = COMPRESSIBLE.test(contentType) && body.length > 1024;
  return {
    body,
    gzipped: compress ? gzipSync(body, { level: 9 }) : undefined,
    contentType,
    cacheControl: urlPath.startsWith('/assets/') ? IMMUTABLE : REVALIDATE,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
  };
}

/** Regular files under `dir`, recursively; symbolic links are not followed out of the build. */
function filesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(path));
    else if (entry.isFile() && statSync(path).isFile()) found.push(path);
  }
  return found;
}

/**
 * Puts the console in front of the server's request listeners (Express under Nest). Installed
 * before the forwarding handler (`installForwarding`), so every request meets the path rule first.
 */
export function installConsole(server: Server, files: ConsoleFiles): void {
  const others = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!files.serve(req, res)) for (const listener of others) listener(req, res);
  });
}
