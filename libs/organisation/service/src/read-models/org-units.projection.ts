import type { EntityManager } from 'typeorm';
import type { InlineProjection, StoredEvent } from '@union/event-store';
import type { OrgUnitEvent } from '@union/organisation/domain';

const HANDLES = [
  'OrgUnitCreated',
  'OrgUnitRenamed',
  'OrgUnitMoved',
  'OrgUnitClosed',
] satisfies OrgUnitEvent['type'][];

async function pathOf(tx: EntityManager, orgId: string): Promise<string[]> {
  if (orgId === '') return [];
  const rows: { path: string[] }[] = await tx.query(`SELECT path FROM org_units WHERE org_id = $1`, [orgId]);
  // The decider only places a node under a parent the tree holds, so the parent's row exists.
  if (rows.length === 0)
    throw new Error(`org_units holds no ${orgId}, the parent of an event being projected`);
  return rows[0].path;
}

async function applyOne(tx: EntityManager, stored: StoredEvent): Promise<void> {
  const event = { type: stored.type, data: stored.data } as OrgUnitEvent;
  const version = stored.version;
  switch (event.type) {
    case 'OrgUnitCreated': {
      const { orgId, name, level, parentId, regionCode } = event.data;
      const path = [...(await pathOf(tx, parentId)), orgId];
      await tx.query(
        `INSERT INTO org_units (org_id, version, name, level, parent_id, path, region_code, status)
         VALUES ($1, $2, $3, $4, $5, $6::text[], $7, 'active')`,
        [orgId, version, name, level, parentId, path, regionCode],
      );
      return;
    }
    case 'OrgUnitRenamed':
      await tx.query(`UPDATE org_units SET name = $2, version = $3 WHERE org_id = $1`, [
        event.data.orgId,
        event.data.name,
        version,
      ]);
      return;
    case 'OrgUnitMoved': {
      const { orgId, toParentId } = event.data;
      const parentPath = await pathOf(tx, toParentId);
      // Every node of the subtree: the new parent's path, then its own path from the moved node down.
      await tx.query(
        `UPDATE org_units SET path = $2::text[] || path[array_position(path, $1):]
          WHERE $1 = ANY(path)`,
        [orgId, parentPath],
      );
      await tx.query(`UPDATE org_units SET parent_id = $2, version = $3 WHERE org_id = $1`, [
        orgId,
        toParentId,
        version,
      ]);
      return;
    }
    case 'OrgUnitClosed':
      await tx.query(`UPDATE org_units SET status = 'closed', version = $2 WHERE org_id = $1`, [
        event.data.orgId,
        version,
      ]);
      return;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/**
 * The tree's read model, updated in each command's transaction and rebuildable from the log. In
 * commit order, so a node's parent is always there before it (and before a move names it).
 */
export const orgUnitsProjection: InlineProjection = {
  name: 'org_units',
  handles: HANDLES,
  tables: ['org_units'],
  async apply(events, tx) {
    for (const event of events) await applyOne(tx, event);
  },
};
