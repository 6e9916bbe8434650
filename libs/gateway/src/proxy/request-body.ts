import type { IncomingMessage } from 'node:http';
import { ProblemException } from '@union/platform';

/** A request body the gateway accepted: the bytes to forward as sent, and their parsed value. */
export interface JsonBody {
  readonly bytes: Buffer;
  readonly value: unknown;
}

/** A JSON media type (`application/json`, `application/<x>+json`), parameters allowed. */
export const JSON_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

/** Whether the request's headers announce a body (a length over 0, or a transfer coding). */
export function declaresBody(req: IncomingMessage): boolean {
  return Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
}

/** Whether a body was announced and has not all arrived. */
export function bodyUnread(req: IncomingMessage): boolean {
  return declaresBody(req) && !req.complete;
}

/**
 * Whether the answer to a refused request closes the connection rather than leave node's server
 * to drain the body it left unread (read off the wire and dropped, never parsed or kept: about
 * 0.5 ms of CPU per MiB). Draining keeps the connection in step, so a client still sending reads
 * its answer; closing under it resets the connection, and the client sees an error instead of,
 * say, its 401. So a body of a declared length within `limit` is drained; a chunked one (no end
 * announced), one over the limit, and that of a sender over the rate limit are cut off.
 */
export function closesOnRefusal(req: IncomingMessage, limit: number, refusal: unknown): boolean {
  if (!bodyUnread(req)) return false;
  if (refusal instanceof ProblemException && refusal.code === 'RATE_LIMITED') return true;
  return req.headers['transfer-encoding'] !== undefined || !(Number(req.headers['content-length']) <= limit);
}

/**
 * Reads and checks the client's body, once the caller is known, within the rate limit and
 * allowed the route (apps/gateway/README.md): a declared length over `limit` is 413 before a
 * byte is read, as is a body that grows past it; a body that is not JSON (type or coding) is 400
 * before it is read; JSON that does not parse to an object or array is 400. No body: undefined.
 * The bytes are forwarded as sent: re-serialising would be slower and would change the request
 * (`1e309` becomes `null`).
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<JsonBody | undefined> {
  if (!declaresBody(req)) return undefined;
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) throw tooLarge(limit);
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
    throw notJson('Send the request body uncompressed (no Content-Encoding).');
  }
  const type = req.headers['content-type'] ?? '';
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1].toLowerCase();
  if (!JSON_TYPE.test(type) || (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')) {
    throw notJson('Send the request body as JSON (Content-Type: application/json).');
  }
  const bytes = await readAll(req, limit);
  if (bytes.length === 0) return undefined;
  const text = bytes.toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw notJson('The request body is not valid JSON.');
  }
  // Objects and arrays only (JSON's strict form, as body-parser had it): a bare 1 is no request.
  if (typeof value !== 'object' || value === null) throw notJson('The request body is not valid JSON.');
  return { bytes, value };
}

function readAll(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit) {
        // Stop here: the refusal closes the connection (closesOnRefusal) instead of draining it.
        req.off('data', onData);
        req.pause();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, length)));
    req.once('error', reject);
  });
}

function tooLarge(limit: number): ProblemException {
  return new ProblemException(
    'PAYLOAD_TOO_LARGE',
    `The request body is larger than the limit of ${limit} bytes.`,
  );
}

function notJson(detail: string): ProblemException {
  return new ProblemException('VALIDATION_FAILED', detail);
}
