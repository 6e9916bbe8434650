/** Integration events on `hardship.cases.v1`. Every payload carries `personRef`. */
export type HardshipTier = 'deep' | 'relative' | 'emergency';
export const HARDSHIP_TIERS: readonly HardshipTier[] = ['deep', 'relative', 'emergency'];

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
