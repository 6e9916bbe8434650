import { request } from 'node:http';
import { connect } from 'node:net';

/** What {@link sendRaw} got back. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
}

/**
 * Sends `method target` to `baseUrl` with the request target exactly as given: node:http puts it
 * on the request line as it is, where fetch and `new URL` would resolve `..`, turn `\` into `/`
 * and drop a fragment before it left the client.
 */
export function sendRaw(
  baseUrl: string,
  method: string,
  target: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method, path: target, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(chunks).toString(),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** One answer read off a {@link RawConnection}. */
export interface EarlyAnswer {
  readonly status: number;
  /** Lower-cased names. */
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * One HTTP/1.1 connection driven by hand, to send a request's head and body in parts and see when
 * the server answers and whether it keeps the connection: what a client library hides.
 */
export interface RawConnection {
  write(data: string | Buffer): void;
  /** The next answer (its body by Content-Length), or undefined when none comes within `waitMs`. */
  answer(waitMs?: number): Promise<EarlyAnswer | undefined>;
  /** Whether the server closes the connection (FIN or reset) within `waitMs`. */
  closedWithin(waitMs: number): Promise<boolean>;
  destroy(): void;
}

export function openRawConnection(baseUrl: string): RawConnection {
  const { hostname, port } = new URL(baseUrl);
  const socket = connect(Number(port), hostname);
  let buffered = Buffer.alloc(0);
  let closed = false;
  const changed = new Set<() => void>();
  const notify = () => changed.forEach((f) => f());
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    notify();
  });
  // Closed either way: a FIN, or a reset when the server closes with a body still coming.
  const onClose = () => {
    closed = true;
    notify();
  };
  socket.on('end', onClose);
  socket.on('error', onClose);
  socket.on('close', onClose);
  const until = <T>(test: () => T | undefined, waitMs: number, otherwise: T) =>
    new Promise<T>((resolve) => {
      const check = () => {
        const value = test();
        if (value === undefined) return;
        done(value);
      };
      const done = (value: T) => {
        clearTimeout(timer);
        changed.delete(check);
        resolve(value);
      };
      const timer = setTimeout(() => done(otherwise), waitMs);
      changed.add(check);
      check();
    });
  const takeAnswer = (): EarlyAnswer | undefined => {
    const end = buffered.indexOf('\r\n\r\n');
    if (end < 0) return undefined;
    const [statusLine = '', ...lines] = buffered.subarray(0, end).toString('latin1').split('\r\n');
    const headers = Object.fromEntries(
      lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
    );
    const length = Number(headers['content-length'] ?? 0);
    if (buffered.length < end + 4 + length) return undefined;
    const body = buffered.subarray(end + 4, end + 4 + length).toString();
    buffered = buffered.subarray(end + 4 + length);
    return { status: Number(statusLine.split(' ')[1] ?? 0), headers, body };
  };
  return {
    write: (data) => socket.write(data),
    answer: (waitMs = 3000) => until(takeAnswer, waitMs, undefined),
    closedWithin: (waitMs) => until(() => (closed ? true : undefined), waitMs, false),
    destroy: () => socket.destroy(),
  };
}

/** The head of a request announcing a body of `length` bytes (none with `transfer-encoding`). */
export function requestHead(
  method: string,
  target: string,
  headers: Record<string, string>,
  length: number,
): string {
  // A chunked upload has no length (both would be refused by node's parser, as smuggling).
  const framing = headers['transfer-encoding'] ? [] : [`Content-Length: ${length}`];
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return [`${method} ${target} HTTP/1.1`, 'Host: gateway', ...framing, ...lines, '', ''].join('\r\n');
}

/** `n` bytes of the start of a JSON body (`{"a":"xxx…`), never a whole one. */
export const jsonPrefix = (n: number): Buffer =>
  Buffer.concat([Buffer.from('{"a":"'), Buffer.alloc(Math.max(0, n - 6), 'x')]);
