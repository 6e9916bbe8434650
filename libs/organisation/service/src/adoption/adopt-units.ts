import { Client } from 'pg';
import { ORG_ID_PATTERN } from '@union/organisation/domain';

/**
 * Where the programmes keep a record's `unitId` (their read models): the units their records
 * already name, before the tree existed.
 */
export const UNIT_TABLES: Readonly<Record<string, readonly string[]>> = {
  'hardship-cases': ['case_summary', 'referral'],
  'education-grants': ['grant_application'],
  'medical-aid': ['membership_summary', 'claim_summary'],
};

/** `hardship-cases` → `DATABASE_URL_HARDSHIP_CASES`. */
export const databaseVariable = (service: string): string =>
  `DATABASE_URL_${service.toUpperCase().replace(/-/g, '_')}`;

/** A service database to read: runs one query, answers its rows. */
export type ReadQuery = (sql: string) => Promise<{ unit_id: string }[]>;

/** The distinct unit ids the programmes' read models name, sorted; from every database given. */
export async function legacyUnitIds(databases: Readonly<Record<string, ReadQuery>>): Promise<string[]> {
  const ids = new Set<string>();
  for (const [service, query] of Object.entries(databases)) {
    for (const table of UNIT_TABLES[service] ?? []) {
      for (const r of await query(`SELECT DISTINCT unit_id FROM ${table}`)) ids.add(r.unit_id);
    }
  }
  return [...ids].sort();
}

/** {@link legacyUnitIds} of the databases at these URLs (`DATABASE_URL_<SERVICE>`). */
export async function legacyUnitIdsAt(urls: Readonly<Record<string, string>>): Promise<string[]> {
  const clients = Object.entries(urls).map(
    ([service, url]) => [service, new Client({ connectionString: url })] as const,
  );
  try {
    for (const [, client] of clients) await client.connect();
    return await legacyUnitIds(
      Object.fromEntries(
        clients.map(([service, client]) => [
          service,
          async (sql: string) => (await client.query<{ unit_id: string }>(sql)).rows,
        ]),
      ),
    );
  } finally {
    for (const [, client] of clients) await client.end().catch(() => undefined);
  }
}

/** The gateway's organisation routes as the tool needs them. */
export interface OrgApi {
  /** The node, or null for a 404. */
  get(orgId: string): Promise<{ orgId: string; regionCode: string; level: string } | null>;
  create(body: Record<string, unknown>, idempotencyKey: string): Promise<void>;
}

export interface AdoptionReport {
  created: string[];
  /** Already nodes of the tree (adopted before, or created by an admin). */
  present: string[];
  /** Ids that cannot be node ids (`^[a-z0-9][a-z0-9-]{1,62}$`); an admin maps those by hand. */
  unusable: string[];
}

/**
 * Makes each legacy unit id a grass-roots node under `parentId`, through the ordinary
 * `POST /api/v1/org/units` (so each is an event of the tree), with the parent's region code and a
 * provisional name an admin renames later. Idempotent: ids the tree holds are left alone, and
 * each create carries an Idempotency-Key, so a run cut off half-way is simply run again.
 */
export async function adoptUnits(
  api: OrgApi,
  parentId: string,
  unitIds: readonly string[],
): Promise<AdoptionReport> {
  const parent = await api.get(parentId);
  if (!parent) throw new Error(`There is no unit ${parentId} in the tree to adopt the units under.`);
  const report: AdoptionReport = { created: [], present: [], unusable: [] };
  for (const orgId of unitIds) {
    if (!ORG_ID_PATTERN.test(orgId)) report.unusable.push(orgId);
    else if (await api.get(orgId)) report.present.push(orgId);
    else {
      await api.create(
        { orgId, name: `基层工会（${orgId}）`, level: 'grassroots', parentId, regionCode: parent.regionCode },
        `adopt-unit-${orgId}`,
      );
      report.created.push(orgId);
    }
  }
  return report;
}

/** {@link OrgApi} over the gateway with a bearer token. */
export function gatewayOrgApi(baseUrl: string, token: string): OrgApi {
  const base = `${baseUrl.replace(/\/$/, '')}/api/v1/org/units`;
  const headers = { authorization: `Bearer ${token}` };
  return {
    async get(orgId) {
      const res = await fetch(`${base}/${encodeURIComponent(orgId)}?depth=0`, { headers });
      if (res.status === 404) return null;
      if (!res.ok) throw new Error(`GET ${orgId}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { orgId: string; regionCode: string; level: string };
    },
    async create(body, idempotencyKey) {
      const res = await fetch(base, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
        body: JSON.stringify(body),
      });
      if (res.status !== 201)
        throw new Error(`POST ${String(body.orgId)}: ${res.status} ${await res.text()}`);
    },
  };
}
