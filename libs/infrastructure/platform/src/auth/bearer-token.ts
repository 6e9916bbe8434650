import type { PlatformRequest } from '../http/http-types';
import { unauthenticated } from './jwt.verifier';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The token of an `Authorization: Bearer <token>` header; undefined when absent or malformed. */
export function bearerTokenIn(header: string | undefined): string | undefined {
  return header === undefined ? undefined : BEARER.exec(header)?.[1];
}

/** The request's bearer token; 401 when there is none or the header is malformed. */
export function bearerToken(request: PlatformRequest): string {
  const header = request.headers.authorization;
  if (header === undefined || header.trim() === '') {
    throw unauthenticated('The request has no token; send Authorization: Bearer <token>.');
  }
  const token = bearerTokenIn(header);
  if (token === undefined) throw unauthenticated('The Authorization header must be "Bearer <token>".');
  return token;
}
