import type { ServerResponse } from 'node:http';
import { etagOf } from '@union/runtime';

/** Every single-record answer carries `ETag: "<version>"` (API.md, "Concurrency"). */
export function withEtag<T>(res: ServerResponse, version: number, body: T): T {
  res.setHeader('ETag', etagOf(version));
  return body;
}
