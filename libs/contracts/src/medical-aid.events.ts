/** Integration events on `medical-aid.claims.v1`. The identity number never travels. */
export interface ClaimPaidV1 {
  personRef: string;
  claimId: string;
  periodId: string;
  unitId: string;
  outOfPocketFen: number;
  payoutFen: number;
  paidOn: string;
}
export interface SeriousIllnessAidGrantedV1 {
  personRef: string;
  periodId: string;
  amountFen: number;
  totalGrantedFen: number;
}
export interface HardshipRiskDetectedV1 {
  personRef: string;
  periodId: string;
  unitId: string;
  memberName: string;
  remainingBurdenFen: number;
  claimIds: string[];
}

export type MedicalAidIntegrationEvent =
  | { type: 'ClaimPaid'; version: 1; data: ClaimPaidV1 }
  | { type: 'SeriousIllnessAidGranted'; version: 1; data: SeriousIllnessAidGrantedV1 }
  | { type: 'HardshipRiskDetected'; version: 1; data: HardshipRiskDetectedV1 };
