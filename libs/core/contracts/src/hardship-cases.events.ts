import type { EventContracts } from './validation/event-contract';

/** Integration events on `hardship.cases.v1`. Every payload carries `personRef`. */

/** Every hardship tier; the one list the type, DTO enums and the contract's check share. */
export const HARDSHIP_TIERS = ['deep', 'relative', 'emergency'] as const;
export type HardshipTier = (typeof HARDSHIP_TIERS)[number];

export interface HardshipCaseOpenedV1 {
  personRef: string;
  caseId: string;
  unitId: string;
  regionCode: string;
  tier: HardshipTier;
  openedOn: string;
}
export interface HardshipTierChangedV1 {
  personRef: string;
  caseId: string;
  fromTier: HardshipTier;
  toTier: HardshipTier;
}
export interface HardshipCaseClosedV1 {
  personRef: string;
  caseId: string;
  reason: string;
}
export interface HardshipCaseReopenedV1 {
  personRef: string;
  caseId: string;
  tier: HardshipTier;
}

export type HardshipIntegrationEvent =
  | { type: 'HardshipCaseOpened'; version: 1; data: HardshipCaseOpenedV1 }
  | { type: 'HardshipTierChanged'; version: 1; data: HardshipTierChangedV1 }
  | { type: 'HardshipCaseClosed'; version: 1; data: HardshipCaseClosedV1 }
  | { type: 'HardshipCaseReopened'; version: 1; data: HardshipCaseReopenedV1 };

/**
 * The contract of each `hardship.cases.v1` event: its version and how its payload is read.
 * `reason` stays free text: the contract has always said `string`, and no consumer acts on it.
 */
export const HARDSHIP_CASES_CONTRACT: EventContracts<HardshipIntegrationEvent> = {
  HardshipCaseOpened: {
    version: 1,
    read: (p) => ({
      personRef: p.personRef('personRef'),
      caseId: p.uuid('caseId'),
      unitId: p.text('unitId'),
      regionCode: p.regionCode('regionCode'),
      tier: p.oneOf('tier', HARDSHIP_TIERS),
      openedOn: p.date('openedOn'),
    }),
  },
  HardshipTierChanged: {
    version: 1,
    read: (p) => ({
      personRef: p.personRef('personRef'),
      caseId: p.uuid('caseId'),
      fromTier: p.oneOf('fromTier', HARDSHIP_TIERS),
      toTier: p.oneOf('toTier', HARDSHIP_TIERS),
    }),
  },
  HardshipCaseClosed: {
    version: 1,
    read: (p) => ({
      personRef: p.personRef('personRef'),
      caseId: p.uuid('caseId'),
      reason: p.text('reason'),
    }),
  },
  HardshipCaseReopened: {
    version: 1,
    read: (p) => ({
      personRef: p.personRef('personRef'),
      caseId: p.uuid('caseId'),
      tier: p.oneOf('tier', HARDSHIP_TIERS),
    }),
  },
};
