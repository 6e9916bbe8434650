import type { IncomingMessage } from 'node:http';
import { ProblemException } from '@union/platform';

/** A request body the gateway accepted: the bytes to forward as sent, and their parsed value. */
export interface JsonBody {
  readonly bytes: Buffer;
  readonly value: unknown;
}

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

/**
 * Reads and checks the client's body before anything else looks at the request (as body-parser
 * did): over `limit` bytes is 413, JSON that does not parse to an object or array is 400, and a
 * body that is not JSON never reaches a service (the API speaks JSON only). No body: undefined.
 * The bytes are forwarded as sent: re-serialising would be slower and would change the request
 * (`1e309` becomes `null`).
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<JsonBody | undefined> {
  const declared = req.headers['content-length'];
  const hasBody = Number(declared ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody) return undefined;
  if (declared !== undefined && Number(declared) > limit) throw tooLarge(req, limit);
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
    throw notJson(req, 'Send the request body uncompressed (no Content-Encoding).');
  }
  const type = req.headers['content-type'] ?? '';
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1].toLowerCase();
  if (!JSON_TYPE.test(type) || (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')) {
    throw notJson(req, 'Send the request body as JSON (Content-Type: application/json).');
  }
  const bytes = await readAll(req, limit);
  if (bytes.length === 0) return undefined;
  const text = bytes.toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ProblemException('VALIDATION_FAILED', 'The request body is not valid JSON.');
  }
  // Objects and arrays only (JSON's strict form, as body-parser had it): a bare 1 is no request.
  if (typeof value !== 'object' || value === null) {
    throw new ProblemException('VALIDATION_FAILED', 'The request body is not valid JSON.');
  }
  return { bytes, value };
}

function readAll(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit) {
        req.off('data', onData);
        req.resume(); // drain the rest, so the connection stays usable for the answer
        reject(tooLarge(req, limit));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, length)));
    req.once('error', reject);
  });
}

function tooLarge(req: IncomingMessage, limit: number): ProblemException {
  req.resume();
  return new ProblemException(
    'PAYLOAD_TOO_LARGE',
    `The request body is larger than the limit of ${limit} bytes.`,
  );
}

function notJson(req: IncomingMessage, detail: string): ProblemException {
  req.resume();
  return new ProblemException('VALIDATION_FAILED', detail);
}
