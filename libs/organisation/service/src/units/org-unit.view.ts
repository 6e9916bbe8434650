import type { OrgLevel } from '@union/contracts';
import type { OrgUnitEntity } from '../read-models/org-unit.entity';

/** A node as the API shows it (API.md, "Organisation"). */
export interface OrgUnitView {
  orgId: string;
  version: number;
  name: string;
  level: OrgLevel;
  /** `''` for the root. */
  parentId: string;
  /** The ids from the root down to this node, itself last. */
  path: string[];
  regionCode: string;
  status: 'active' | 'closed';
}

/** `GET /units/{orgId}`: the node, the nodes on its path (root first, itself excluded), its children to `depth`. */
export interface OrgUnitTreeView extends OrgUnitView {
  ancestors: Pick<OrgUnitView, 'orgId' | 'name' | 'level'>[];
  children: OrgUnitSubtreeView[];
}

/** A node below the one asked for, with its own children down to the depth asked. */
export interface OrgUnitSubtreeView extends OrgUnitView {
  children: OrgUnitSubtreeView[];
}

export const orgUnitView = (row: OrgUnitEntity): OrgUnitView => ({
  orgId: row.orgId,
  version: row.version,
  name: row.name,
  level: row.level,
  parentId: row.parentId,
  path: row.path,
  regionCode: row.regionCode,
  status: row.status,
});
