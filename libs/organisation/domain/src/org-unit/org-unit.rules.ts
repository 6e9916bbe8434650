import { ORG_LEVELS, type OrgLevel } from '@union/contracts';

/** A node's id: lower-case letters, digits and dashes, 2 to 63 characters (a uuid fits). */
export const ORG_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** A 6-digit administrative division code (GB/T 2260), e.g. `410105` 金水区. */
export const REGION_CODE_PATTERN = /^\d{6}$/;

/** The longest name a node may have. */
export const ORG_NAME_MAX = 100;

/** The rank of a level: 0 for national, 4 for grass-roots. */
export const levelRank = (level: OrgLevel): number => ORG_LEVELS.indexOf(level);

/** A child's level is strictly below its parent's (a county may hang under a province). */
export const mayHangUnder = (child: OrgLevel, parent: OrgLevel): boolean =>
  levelRank(child) > levelRank(parent);
