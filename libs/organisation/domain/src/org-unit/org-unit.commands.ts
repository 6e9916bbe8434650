import type { OrgLevel } from '@union/contracts';

/** Who and when, from the request. */
export interface OrgCommandContext {
  readonly actor: string;
  readonly now: string;
}

/**
 * What the tree says about a would-be parent, read by the command handler under the tree's lock
 * (the decider sees one stream; the tree around it comes in as input).
 */
export interface ParentFacts {
  readonly orgId: string;
  readonly level: OrgLevel;
  readonly status: 'active' | 'closed';
  /** The ids from the root down to the parent, itself last: its ancestors. */
  readonly path: readonly string[];
}

/** Add a node. `parentId` `''` asks for the root. */
export interface CreateOrgUnit extends OrgCommandContext {
  readonly type: 'CreateOrgUnit';
  readonly orgId: string;
  readonly name: string;
  readonly level: OrgLevel;
  readonly parentId: string;
  readonly regionCode: string;
  /** The parent as the tree holds it; null when it holds no such node (or for the root). */
  readonly parent: ParentFacts | null;
  /** The id of the tree's root, or null while the tree has none. */
  readonly rootId: string | null;
}

export interface RenameOrgUnit extends OrgCommandContext {
  readonly type: 'RenameOrgUnit';
  readonly name: string;
}

/** Hang the node (and its subtree) under `parentId`. */
export interface MoveOrgUnit extends OrgCommandContext {
  readonly type: 'MoveOrgUnit';
  readonly parentId: string;
  readonly parent: ParentFacts | null;
}

export interface CloseOrgUnit extends OrgCommandContext {
  readonly type: 'CloseOrgUnit';
  readonly reason: string;
  /** How many of the node's children are still active. */
  readonly activeChildren: number;
}

/** Every command of a node. */
export type OrgUnitCommand = CreateOrgUnit | RenameOrgUnit | MoveOrgUnit | CloseOrgUnit;
