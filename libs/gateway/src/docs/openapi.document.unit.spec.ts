import { buildOpenApiDocument } from './openapi.document';

type Operation = { responses: Record<string, { description: string }> };

describe('the OpenAPI 503 of a route', () => {
  const { paths } = buildOpenApiDocument();
  const operations = Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Operation>).map(([method, op]) => ({ path, method, op })),
  );

  it('names OUTCOME_UNKNOWN on every write and says how to retry it safely', () => {
    const writes = operations.filter((o) => o.method !== 'get' && o.path !== '/api/v1/auth/dev-token');
    expect(writes.length).toBeGreaterThan(10);
    for (const { op } of writes) {
      const text = op.responses['503'].description;
      expect(text).toContain('SERVICE_UNAVAILABLE');
      expect(text).toContain('OUTCOME_UNKNOWN');
      expect(text).toContain('same Idempotency-Key');
    }
  });

  it('keeps the plain SERVICE_UNAVAILABLE text on reads, which change nothing', () => {
    const reads = operations.filter((o) => o.method === 'get' && o.op.responses['503']);
    expect(reads.length).toBeGreaterThan(10);
    for (const { op } of reads) expect(op.responses['503'].description).not.toContain('OUTCOME_UNKNOWN');
  });
});
