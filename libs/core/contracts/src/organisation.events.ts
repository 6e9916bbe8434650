import type { EventContracts } from './validation/event-contract';

/**
 * Integration events on `organisation.units.v1`: the union's tree (DOMAIN.md §4). Unlike the
 * programmes' topics these are about no person: every message is keyed by {@link ORG_TREE_KEY},
 * so the whole tree's history sits in one partition, in order (a node is created before a child
 * names it as parent, a move follows the creations it refers to). Payloads carry no personal data.
 */
export const ORG_TREE_KEY = 'org-tree';

/** The levels of the tree, root first (全国总工会 → 省总 → 市总 → 县区总 → 基层工会). */
export const ORG_LEVELS = ['national', 'province', 'city', 'county', 'grassroots'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export interface OrgUnitCreatedV1 {
  orgId: string;
  name: string;
  level: OrgLevel;
  /** `''` only for the root. */
  parentId: string;
  regionCode: string;
}
export interface OrgUnitRenamedV1 {
  orgId: string;
  name: string;
}
export interface OrgUnitMovedV1 {
  orgId: string;
  fromParentId: string;
  toParentId: string;
}
export interface OrgUnitClosedV1 {
  orgId: string;
  reason: string;
}

export type OrganisationIntegrationEvent =
  | { type: 'OrgUnitCreated'; version: 1; data: OrgUnitCreatedV1 }
  | { type: 'OrgUnitRenamed'; version: 1; data: OrgUnitRenamedV1 }
  | { type: 'OrgUnitMoved'; version: 1; data: OrgUnitMovedV1 }
  | { type: 'OrgUnitClosed'; version: 1; data: OrgUnitClosedV1 };

/** The contract of each `organisation.units.v1` event. */
export const ORGANISATION_UNITS_CONTRACT: EventContracts<OrganisationIntegrationEvent> = {
  OrgUnitCreated: {
    version: 1,
    read: (p) => ({
      orgId: p.text('orgId'),
      name: p.text('name'),
      level: p.oneOf('level', ORG_LEVELS),
      parentId: p.optionalText('parentId'),
      regionCode: p.regionCode('regionCode'),
    }),
  },
  OrgUnitRenamed: {
    version: 1,
    read: (p) => ({ orgId: p.text('orgId'), name: p.text('name') }),
  },
  OrgUnitMoved: {
    version: 1,
    read: (p) => ({
      orgId: p.text('orgId'),
      fromParentId: p.text('fromParentId'),
      toParentId: p.text('toParentId'),
    }),
  },
  OrgUnitClosed: {
    version: 1,
    read: (p) => ({ orgId: p.text('orgId'), reason: p.text('reason') }),
  },
};
