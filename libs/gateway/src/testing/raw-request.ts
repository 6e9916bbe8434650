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
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString() }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** What the server did with an upload {@link sendPartialUpload} did not finish. */
export interface EarlyAnswer {
  /** The answer's status line and headers (lower-cased names), empty when none came in time. */
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  /** Whether the server closed the connection after answering. */
  readonly closed: boolean;
}

/**
 * Announces a body of `length` bytes (or, with `transfer-encoding`, of no length), sends only
 * its first `sent` bytes (as they are: no chunk framing) and waits (up to
 * `waitMs`) for the answer and for the server to close the connection: a server that reads a
 * body before deciding never answers, since the rest never comes.
 */
export function sendPartialUpload(
  baseUrl: string,
  request: { method: string; target: string; headers?: Record<string, string>; length: number; sent: number },
  waitMs = 3000,
): Promise<EarlyAnswer> {
  const { hostname, port } = new URL(baseUrl);
  const head = [
    `${request.method} ${request.target} HTTP/1.1`,
    `Host: ${hostname}`,
    // A chunked upload has no length (both would be refused by node's parser, as smuggling).
    ...(request.headers?.['transfer-encoding'] ? [] : [`Content-Length: ${request.length}`]),
    ...Object.entries(request.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
    '',
    '',
  ].join('\r\n');
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    let closed = false;
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      const [top = '', body = ''] = received.split('\r\n\r\n');
      const [statusLine = '', ...lines] = top.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
      );
      resolve({ status: Number(statusLine.split(' ')[1] ?? 0), headers, body, closed });
    };
    const timer = setTimeout(finish, waitMs);
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    // Closed either way: a FIN, or a reset when the server closes with the unread body pending.
    const onClose = () => {
      closed = true;
      finish();
    };
    socket.on('end', onClose);
    socket.on('error', onClose);
    socket.write(head);
    if (request.sent > 0) socket.write(Buffer.concat([Buffer.from('{"a":"'), Buffer.alloc(request.sent - 6, 'x')]));
  });
}
