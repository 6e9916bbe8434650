// Which service answers which route: see ../routing/route-table.ts.

/** Request headers passed to the service; everything else stays at the gateway. */
export const FORWARDED_REQUEST_HEADERS = [
  'authorization',
  'content-type',
  'accept',
  'idempotency-key',
  'if-match',
  'x-correlation-id',
] as const;

/**
 * Response headers passed back to the caller. `idempotent-replayed`: the service answered a
 * repeated `Idempotency-Key` with the stored answer instead of doing the write again
 * (docs/api-changes.md); a client must be able to tell. `content-disposition`: an evidence
 * export is a download named after its record.
 */
export const FORWARDED_RESPONSE_HEADERS = [
  'content-type',
  'etag',
  'location',
  'x-correlation-id',
  'idempotent-replayed',
  'content-disposition',
] as const;
