import type { OrganisationIntegrationEvent, OrgLevel } from './organisation.events';

/** One node of the union's tree as every consumer of `organisation.units.v1` keeps it. */
export interface OrgNode {
  orgId: string;
  name: string;
  level: OrgLevel;
  /** `''` for the root. */
  parentId: string;
  regionCode: string;
  status: 'active' | 'closed';
}

/** Every unit id meaning "the whole tree" in a token's `units` (the root, whatever its id). */
export const WHOLE_TREE = '*';

/**
 * The tree folded from `organisation.units.v1`, the same fold in every service and the gateway.
 * Pure: no IO; a projection stores what it needs of it.
 */
export class OrgTree {
  private readonly nodes = new Map<string, OrgNode>();

  apply(event: OrganisationIntegrationEvent): void {
    switch (event.type) {
      case 'OrgUnitCreated':
        this.nodes.set(event.data.orgId, { ...event.data, status: 'active' });
        return;
      case 'OrgUnitRenamed':
        this.update(event.data.orgId, { name: event.data.name });
        return;
      case 'OrgUnitMoved':
        this.update(event.data.orgId, { parentId: event.data.toParentId });
        return;
      case 'OrgUnitClosed':
        this.update(event.data.orgId, { status: 'closed' });
        return;
    }
  }

  get(orgId: string): OrgNode | undefined {
    return this.nodes.get(orgId);
  }

  get size(): number {
    return this.nodes.size;
  }

  /**
   * The ids from the root down to `orgId`, itself last. A unit id the tree does not hold (a unit
   * named before the tree existed, not yet adopted into it) is a tree of its own: `[orgId]`.
   */
  pathOf(orgId: string): string[] {
    const path: string[] = [];
    const seen = new Set<string>();
    for (let id: string = orgId; id !== '' && !seen.has(id);) {
      seen.add(id);
      path.unshift(id);
      id = this.nodes.get(id)?.parentId ?? '';
    }
    return path;
  }

  /** The ids of `orgId`'s children (closed ones included). */
  childrenOf(orgId: string): string[] {
    return [...this.nodes.values()].filter((n) => n.parentId === orgId).map((n) => n.orgId);
  }

  private update(orgId: string, change: Partial<OrgNode>): void {
    const node = this.nodes.get(orgId);
    if (node) this.nodes.set(orgId, { ...node, ...change });
  }
}

/**
 * True when a record of the unit whose path is `path` lies in the subtrees of `units` (a token's
 * `units` claim): `*` is the whole tree; otherwise some unit is on the path (the unit itself or
 * one of its ancestors).
 */
export function isWithinUnits(units: readonly string[], path: readonly string[]): boolean {
  return units.includes(WHOLE_TREE) || path.some((id) => units.includes(id));
}
