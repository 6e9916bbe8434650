import { ORG_LEVELS } from '@union/contracts';
import { DomainError, type Decider, type FieldError } from '@union/kernel';
import type {
  CloseOrgUnit,
  CreateOrgUnit,
  MoveOrgUnit,
  OrgUnitCommand,
  ParentFacts,
  RenameOrgUnit,
} from './org-unit.commands';
import { evolveOrgUnit, initialOrgUnitState, type OrgUnitEvent, type OrgUnitState } from './org-unit.events';
import { mayHangUnder, ORG_ID_PATTERN, ORG_NAME_MAX, REGION_CODE_PATTERN } from './org-unit.rules';

type Check = FieldError | null;

const check = (ok: boolean, field: string, message: string): Check => (ok ? null : { field, message });

function throwIfInvalid(checks: readonly Check[]): void {
  const errors = checks.filter((c): c is FieldError => c !== null);
  if (errors.length === 0) return;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem(s))` : '';
  throw new DomainError('VALIDATION_FAILED', `${errors[0].message}${more}`, { errors });
}

const nameCheck = (name: unknown): Check =>
  check(
    typeof name === 'string' && name.trim() !== '' && name.trim().length <= ORG_NAME_MAX,
    'name',
    `name is required, at most ${ORG_NAME_MAX} characters.`,
  );

const orgIdCheck = (value: unknown, field: string): Check =>
  check(
    typeof value === 'string' && ORG_ID_PATTERN.test(value),
    field,
    `${field} must be 2-63 lower-case letters, digits or dashes, starting with a letter or digit.`,
  );

const rule = (message: string) => new DomainError('RULE_VIOLATION', message);

/** The parent must be in the tree, active, and of a higher level than the child. */
function requireParent(
  parentId: string,
  parent: ParentFacts | null,
  level: OrgUnitState['level'] & string,
): void {
  if (parent === null || parent.orgId !== parentId) throw rule(`There is no unit ${parentId} in the tree.`);
  if (parent.status !== 'active') throw rule(`Unit ${parentId} is closed; nothing can be placed under it.`);
  if (!mayHangUnder(level, parent.level)) {
    throw rule(`A ${level} unit cannot be placed under a ${parent.level} unit: its level must be lower.`);
  }
}

function decideCreate(command: CreateOrgUnit, state: OrgUnitState): OrgUnitEvent[] {
  throwIfInvalid([
    orgIdCheck(command.orgId, 'orgId'),
    nameCheck(command.name),
    check(
      (ORG_LEVELS as readonly string[]).includes(command.level),
      'level',
      `level must be one of ${ORG_LEVELS.join(', ')}.`,
    ),
    command.parentId === '' ? null : orgIdCheck(command.parentId, 'parentId'),
    check(REGION_CODE_PATTERN.test(command.regionCode), 'regionCode', 'regionCode must be 6 digits.'),
  ]);
  if (state.status !== 'none') throw new DomainError('CONFLICT', `Unit ${command.orgId} already exists.`);
  if (command.parentId === '') {
    if (command.rootId !== null) {
      throw new DomainError(
        'CONFLICT',
        `The tree already has its root, ${command.rootId}; a new unit needs a parent.`,
      );
    }
  } else {
    requireParent(command.parentId, command.parent, command.level);
  }
  const { orgId, level, parentId, regionCode } = command;
  return [
    { type: 'OrgUnitCreated', data: { orgId, name: command.name.trim(), level, parentId, regionCode } },
  ];
}

function requireActive(
  state: OrgUnitState,
  what: string,
): asserts state is OrgUnitState & {
  level: NonNullable<OrgUnitState['level']>;
} {
  if (state.status === 'none') throw new DomainError('NOT_FOUND', 'There is no such unit.');
  if (state.status === 'closed') throw rule(`Unit ${state.orgId} is closed; it cannot be ${what}.`);
}

function decideRename(command: RenameOrgUnit, state: OrgUnitState): OrgUnitEvent[] {
  requireActive(state, 'renamed');
  throwIfInvalid([nameCheck(command.name)]);
  const name = command.name.trim();
  if (name === state.name) return [];
  return [{ type: 'OrgUnitRenamed', data: { orgId: state.orgId, name } }];
}

function decideMove(command: MoveOrgUnit, state: OrgUnitState): OrgUnitEvent[] {
  requireActive(state, 'moved');
  throwIfInvalid([orgIdCheck(command.parentId, 'parentId')]);
  if (state.parentId === '') throw rule(`Unit ${state.orgId} is the root of the tree; it cannot be moved.`);
  if (command.parentId === state.parentId) return [];
  if (command.parentId === state.orgId || command.parent?.path.includes(state.orgId)) {
    throw rule(`Unit ${state.orgId} cannot be moved into its own subtree.`);
  }
  requireParent(command.parentId, command.parent, state.level);
  const data = { orgId: state.orgId, fromParentId: state.parentId, toParentId: command.parentId };
  return [{ type: 'OrgUnitMoved', data }];
}

function decideClose(command: CloseOrgUnit, state: OrgUnitState): OrgUnitEvent[] {
  requireActive(state, 'closed again');
  throwIfInvalid([
    check(
      typeof command.reason === 'string' && command.reason.trim() !== '',
      'reason',
      'reason is required.',
    ),
  ]);
  if (command.activeChildren > 0) {
    throw rule(
      `Unit ${state.orgId} still has ${command.activeChildren} active unit(s) under it; move or close them first.`,
    );
  }
  return [{ type: 'OrgUnitClosed', data: { orgId: state.orgId, reason: command.reason.trim() } }];
}

/** The events a command on a node produces; throws a DomainError when a rule refuses it. */
export function decideOrgUnit(command: OrgUnitCommand, state: OrgUnitState): OrgUnitEvent[] {
  switch (command.type) {
    case 'CreateOrgUnit':
      return decideCreate(command, state);
    case 'RenameOrgUnit':
      return decideRename(command, state);
    case 'MoveOrgUnit':
      return decideMove(command, state);
    case 'CloseOrgUnit':
      return decideClose(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/** The decider of an `org-<orgId>` stream: one node of the union's tree (DOMAIN.md §4). */
export const orgUnitDecider: Decider<OrgUnitState, OrgUnitCommand, OrgUnitEvent> = {
  initialState: initialOrgUnitState,
  evolve: evolveOrgUnit,
  decide: decideOrgUnit,
};
