import type { IncomingMessage, ServerResponse } from 'node:http';
import { ProblemException } from '@union/platform';
import { JSON_TYPE } from '../proxy/request-body';

/**
 * The bodies the gateway's own (Nest) routes take: `POST /api/v1/auth/dev-token` (public) and
 * `POST /api/v1/privacy/people/{idNumber}/requests` (admin; composed at the gateway).
 */
const DEV_TOKEN_PATH = '/api/v1/auth/dev-token';
const PRIVACY_REQUEST_PATH = /^\/api\/v1\/privacy\/people\/[^/]+\/requests$/;
/** Either is a few names and sentences; a larger one is refused by its Content-Length, unread. */
export const OWN_ROUTES_BODY_LIMIT = 16 * 1024;

const takesBody = (req: IncomingMessage, path: string) =>
  req.method === 'POST' && (path === DEV_TOKEN_PATH || PRIVACY_REQUEST_PATH.test(path));

/**
 * Whether Express parses the body of `req` (body-parser's `type` test, create-gateway-app.ts):
 * only a JSON request to one of those two. The other own routes (person view, audit timeline and trace,
 * docs, health, metrics) are GETs whose body nothing reads.
 */
export function parsesOwnRouteBody(req: IncomingMessage): boolean {
  const url = req.url ?? '';
  const q = url.indexOf('?');
  return takesBody(req, q < 0 ? url : url.slice(0, q)) && JSON_TYPE.test(req.headers['content-type'] ?? '');
}

/**
 * Admits a request with a body to one of the gateway's own routes at `path`, before Nest sees it.
 * Theirs must announce its length (411 when chunked) within {@link OWN_ROUTES_BODY_LIMIT}
 * (413): body-parser would otherwise read the whole upload before refusing it. Any other route
 * never reads its body: node's server drains one within that limit after the answer, and the
 * answer closes the connection on a larger or chunked one (as `closesOnRefusal` has it).
 */
export function admitOwnRouteBody(req: IncomingMessage, res: ServerResponse, path: string): void {
  const chunked = req.headers['transfer-encoding'] !== undefined;
  const declared = Number(req.headers['content-length'] ?? 0);
  if (!takesBody(req, path)) {
    if (chunked || !(declared <= OWN_ROUTES_BODY_LIMIT)) res.setHeader('Connection', 'close');
    return;
  }
  if (chunked) {
    throw new ProblemException('VALIDATION_FAILED', 'Send the request body with a Content-Length.', {
      status: 411,
      title: 'Length required',
    });
  }
  if (!(declared <= OWN_ROUTES_BODY_LIMIT)) {
    throw new ProblemException(
      'PAYLOAD_TOO_LARGE',
      `The request body is larger than the limit of ${OWN_ROUTES_BODY_LIMIT} bytes.`,
    );
  }
}
