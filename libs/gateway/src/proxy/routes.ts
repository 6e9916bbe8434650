import type { UpstreamName } from '../gateway.settings';

/** Which service answers which part of `/api/v1` (API.md). Services serve the same paths. */
export const ROUTES: readonly { prefix: string; upstream: UpstreamName }[] = [
  { prefix: '/api/v1/hardship/', upstream: 'hardship-cases' },
  { prefix: '/api/v1/grants/', upstream: 'education-grants' },
  { prefix: '/api/v1/medical-aid/', upstream: 'medical-aid' },
];

export const upstreamOf = (path: string): UpstreamName | null =>
  ROUTES.find((r) => path.startsWith(r.prefix))?.upstream ?? null;

/** Request headers passed to the service; everything else stays at the gateway. */
export const FORWARDED_REQUEST_HEADERS = [
  'authorization',
  'content-type',
  'accept',
  'idempotency-key',
  'if-match',
  'x-correlation-id',
] as const;

/** Response headers passed back to the caller. */
export const FORWARDED_RESPONSE_HEADERS = ['content-type', 'etag', 'location', 'x-correlation-id'] as const;
