import type { EventContracts } from './validation/event-contract';

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

/**
 * The contract of each `medical-aid.claims.v1` event. Beyond each field: a payout is part of
 * the out-of-pocket amount (the bands never pay more than 100 %), and an aid is part of the
 * member's total granted in the period, which includes it.
 */
export const MEDICAL_AID_CLAIMS_CONTRACT: EventContracts<MedicalAidIntegrationEvent> = {
  ClaimPaid: {
    version: 1,
    read: (p) => {
      const data = {
        personRef: p.personRef('personRef'),
        claimId: p.uuid('claimId'),
        periodId: p.uuid('periodId'),
        unitId: p.text('unitId'),
        outOfPocketFen: p.fen('outOfPocketFen'),
        payoutFen: p.fen('payoutFen'),
        paidOn: p.date('paidOn'),
      };
      p.check(data.payoutFen <= data.outOfPocketFen, 'payoutFen must not exceed outOfPocketFen');
      return data;
    },
  },
  SeriousIllnessAidGranted: {
    version: 1,
    read: (p) => {
      const data = {
        personRef: p.personRef('personRef'),
        periodId: p.uuid('periodId'),
        amountFen: p.fen('amountFen'),
        totalGrantedFen: p.fen('totalGrantedFen'),
      };
      p.check(data.amountFen <= data.totalGrantedFen, 'amountFen must not exceed totalGrantedFen');
      return data;
    },
  },
  HardshipRiskDetected: {
    version: 1,
    read: (p) => ({
      personRef: p.personRef('personRef'),
      periodId: p.uuid('periodId'),
      unitId: p.text('unitId'),
      memberName: p.text('memberName'),
      remainingBurdenFen: p.fen('remainingBurdenFen'),
      claimIds: p.uuids('claimIds'),
    }),
  },
};
