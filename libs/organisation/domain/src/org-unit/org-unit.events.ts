import type { OrgLevel } from '@union/contracts';
import type { DomainEvent } from '@union/kernel';

/** The stream of one node of the union's tree. */
export const orgStreamId = (orgId: string): string => `org-${orgId}`;

/** A node was added to the tree (`parentId` `''` for the root). */
export type OrgUnitCreated = DomainEvent<
  'OrgUnitCreated',
  {
    readonly orgId: string;
    readonly name: string;
    readonly level: OrgLevel;
    readonly parentId: string;
    readonly regionCode: string;
  }
>;

/** The node's name changed (a federation renamed, a workplace union after a merger). */
export type OrgUnitRenamed = DomainEvent<'OrgUnitRenamed', { readonly orgId: string; readonly name: string }>;

/** The node, with its whole subtree, now hangs under another parent. */
export type OrgUnitMoved = DomainEvent<
  'OrgUnitMoved',
  { readonly orgId: string; readonly fromParentId: string; readonly toParentId: string }
>;

/** The node was closed (a workplace shut down, two unions merged); it stays in the tree, closed. */
export type OrgUnitClosed = DomainEvent<'OrgUnitClosed', { readonly orgId: string; readonly reason: string }>;

/** Every event of an `org-<orgId>` stream. */
export type OrgUnitEvent = OrgUnitCreated | OrgUnitRenamed | OrgUnitMoved | OrgUnitClosed;

/** A node as its decider sees it. */
export interface OrgUnitState {
  readonly status: 'none' | 'active' | 'closed';
  readonly orgId: string;
  readonly name: string;
  readonly level: OrgLevel | null;
  /** `''` for the root (and before the node exists). */
  readonly parentId: string;
  readonly regionCode: string;
}

/** The state of a stream with no events. */
export const initialOrgUnitState = (): OrgUnitState => ({
  status: 'none',
  orgId: '',
  name: '',
  level: null,
  parentId: '',
  regionCode: '',
});

/** The node after one event. Pure and total. */
export function evolveOrgUnit(state: OrgUnitState, event: OrgUnitEvent): OrgUnitState {
  switch (event.type) {
    case 'OrgUnitCreated':
      return { status: 'active', ...event.data };
    case 'OrgUnitRenamed':
      return { ...state, name: event.data.name };
    case 'OrgUnitMoved':
      return { ...state, parentId: event.data.toParentId };
    case 'OrgUnitClosed':
      return { ...state, status: 'closed' };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
