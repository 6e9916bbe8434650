import type { EntityManager } from 'typeorm';
import type { OrganisationIntegrationEvent } from '@union/contracts';

/** The inbox name of every service's tree consumer (`<service>:org-units`). */
export const ORG_UNITS_CONSUMER_NAME = 'org-units';

/** The ids from the root down to `orgId` as the projection holds them; unknown: `[orgId]`. */
export async function storedPathOf(tx: Pick<EntityManager, 'query'>, orgId: string): Promise<string[]> {
  const rows: { path: string[] }[] = await tx.query(`SELECT path FROM org_units WHERE org_id = $1`, [orgId]);
  return rows[0]?.path ?? [orgId];
}

/**
 * Applies one `organisation.units.v1` event to `org_units`, in the caller's transaction (the
 * consumer's, with its inbox row: once per event id). The same function rebuilds the table.
 *
 * - Created: the node under its parent's path (a parent the table does not hold yet counts as a
 *   tree of its own, as {@link storedPathOf}); creating a node already held changes nothing.
 * - Moved: the node and its whole subtree get the new parent's path in one statement, so no
 *   reader sees half a move.
 * - Renamed / Closed: the row's name or status; a closed node keeps its place (its records stay
 *   in its ancestors' scope).
 */
export async function applyOrgUnitEvent(
  tx: Pick<EntityManager, 'query'>,
  event: OrganisationIntegrationEvent,
): Promise<void> {
  switch (event.type) {
    case 'OrgUnitCreated': {
      const { orgId, parentId, name, level, regionCode } = event.data;
      const parentPath = parentId === '' ? [] : await storedPathOf(tx, parentId);
      await tx.query(
        `INSERT INTO org_units (org_id, parent_id, path, name, level, region_code, status)
         VALUES ($1, $2, $3::text[], $4, $5, $6, 'active') ON CONFLICT (org_id) DO NOTHING`,
        [orgId, parentId, [...parentPath, orgId], name, level, regionCode],
      );
      return;
    }
    case 'OrgUnitMoved': {
      const { orgId, toParentId } = event.data;
      const known: unknown[] = await tx.query(`SELECT 1 FROM org_units WHERE org_id = $1`, [orgId]);
      if (known.length === 0) return;
      const parentPath = toParentId === '' ? [] : await storedPathOf(tx, toParentId);
      // A move under its own subtree would make a cycle: the organisation service refuses it,
      // and a copy of the tree must not loop on it either.
      if (parentPath.includes(orgId)) return;
      await tx.query(`UPDATE org_units SET parent_id = $2, updated_at = now() WHERE org_id = $1`, [
        orgId,
        toParentId,
      ]);
      await tx.query(
        `UPDATE org_units
            SET path = $2::text[] || path[array_position(path, $1::text):], updated_at = now()
          WHERE path @> ARRAY[$1::text]`,
        [orgId, parentPath],
      );
      return;
    }
    case 'OrgUnitRenamed':
      await tx.query(`UPDATE org_units SET name = $2, updated_at = now() WHERE org_id = $1`, [
        event.data.orgId,
        event.data.name,
      ]);
      return;
    case 'OrgUnitClosed':
      await tx.query(`UPDATE org_units SET status = 'closed', updated_at = now() WHERE org_id = $1`, [
        event.data.orgId,
      ]);
      return;
  }
}

/**
 * Rebuilds `org_units` from the topic's events, oldest first, in one transaction: what the
 * live consumer would hold after them. Readers see the old table until the commit.
 */
export async function rebuildOrgUnits(
  manager: EntityManager,
  events: readonly OrganisationIntegrationEvent[],
): Promise<void> {
  await manager.transaction(async (tx) => {
    await tx.query(`DELETE FROM org_units`);
    for (const event of events) await applyOrgUnitEvent(tx, event);
  });
}
