import { APPROVALS_SCHEMAS } from './approvals-schemas';
import { AUDIT_SCHEMAS } from './audit-operations';
import { ELIGIBILITY_SCHEMAS } from './eligibility-schema';
import { GATEWAY_SCHEMAS } from './gateway-operations';
import { HARDSHIP_SCHEMAS } from './hardship-schemas';
import { buildOpenApiDocument } from './openapi.document';
import { REQUEST_BODIES } from './request-bodies';

type Ref = { $ref?: string };

describe("the approvals inbox's part of the OpenAPI document", () => {
  it('names no schema another part names (a later part would silently replace it)', () => {
    const others = [
      REQUEST_BODIES,
      HARDSHIP_SCHEMAS,
      GATEWAY_SCHEMAS,
      AUDIT_SCHEMAS,
      ELIGIBILITY_SCHEMAS,
    ].flatMap((part) => Object.keys(part));
    expect(Object.keys(APPROVALS_SCHEMAS).filter((name) => others.includes(name))).toEqual([]);
  });

  it('types the new lists and the inbox, and every schema they refer to exists', () => {
    const doc = buildOpenApiDocument();
    const schemas = doc.components?.schemas ?? {};
    const response = (path: string) =>
      (doc.paths[path].get?.responses['200'] as { content: Record<string, { schema: Ref }> }).content[
        'application/json'
      ].schema.$ref;
    expect(response('/api/v1/approvals')).toBe('#/components/schemas/ApprovalInbox');
    expect(response('/api/v1/hardship/assistance')).toBe('#/components/schemas/AssistancePage');
    expect(response('/api/v1/hardship/holiday-batches')).toBe('#/components/schemas/HolidayBatchPage');
    expect(response('/api/v1/hardship/policies/regions')).toBe('#/components/schemas/RegionPolicyList');
    const refs = [...JSON.stringify(APPROVALS_SCHEMAS).matchAll(/#\/components\/schemas\/(\w+)/g)].map(
      (m) => m[1],
    );
    expect(refs.filter((name) => !(name in schemas))).toEqual([]);
  });
});
