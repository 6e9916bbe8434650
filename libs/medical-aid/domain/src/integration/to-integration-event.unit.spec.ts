import type { MedicalAidIntegrationEvent } from '@union/contracts';
import { enrolled, PERIOD_ID, PERSON_REF, submitted } from '../testing/fixtures';
import { toIntegrationEvent, type MedicalAidDomainEvent } from './to-integration-event';

describe('toIntegrationEvent', () => {
  it('maps ClaimPaid to medical-aid.claims.v1 ClaimPaid', () => {
    const event: MedicalAidDomainEvent = {
      type: 'ClaimPaid',
      data: {
        claimId: 'c-1',
        periodId: PERIOD_ID,
        personRef: PERSON_REF,
        unitId: 'unit-7',
        outOfPocketFen: 4_100_000,
        payoutFen: 2_000_000,
        paymentRef: 'BANK-1',
        paidOn: '2024-03-28',
        paidBy: 'cw',
        paidAt: 't',
      },
    };
    expect(toIntegrationEvent(event)).toEqual<MedicalAidIntegrationEvent>({
      type: 'ClaimPaid',
      version: 1,
      data: {
        personRef: PERSON_REF,
        claimId: 'c-1',
        periodId: PERIOD_ID,
        unitId: 'unit-7',
        outOfPocketFen: 4_100_000,
        payoutFen: 2_000_000,
        paidOn: '2024-03-28',
      },
    });
  });

  it('maps SeriousIllnessAidGranted', () => {
    expect(
      toIntegrationEvent({
        type: 'SeriousIllnessAidGranted',
        data: {
          periodId: PERIOD_ID,
          personRef: PERSON_REF,
          claimId: 'c-2',
          amountFen: 4_000_000,
          totalGrantedFen: 5_000_000,
          burdenFen: 19_000_000,
          policyVersion: 'v',
        },
      }),
    ).toEqual({
      type: 'SeriousIllnessAidGranted',
      version: 1,
      data: { personRef: PERSON_REF, periodId: PERIOD_ID, amountFen: 4_000_000, totalGrantedFen: 5_000_000 },
    });
  });

  it('maps HardshipRiskDetected with the member name and never an identity number', () => {
    const mapped = toIntegrationEvent({
      type: 'HardshipRiskDetected',
      data: {
        periodId: PERIOD_ID,
        personRef: PERSON_REF,
        unitId: 'unit-7',
        memberName: '张三',
        burdenFen: 8_000_000,
        remainingBurdenFen: 7_000_000,
        claimIds: ['c-1'],
        policyVersion: 'v',
      },
    });
    expect(mapped).toEqual({
      type: 'HardshipRiskDetected',
      version: 1,
      data: {
        personRef: PERSON_REF,
        periodId: PERIOD_ID,
        unitId: 'unit-7',
        memberName: '张三',
        remainingBurdenFen: 7_000_000,
        claimIds: ['c-1'],
      },
    });
    expect(JSON.stringify(mapped)).not.toMatch(/idNumber|\*{8}/);
  });

  it('keeps every other event inside the service', () => {
    expect(toIntegrationEvent(enrolled())).toBeNull();
    expect(toIntegrationEvent(submitted())).toBeNull();
    expect(toIntegrationEvent({ type: 'CapReserved', data: { claimId: 'c', payoutFen: 1 } })).toBeNull();
  });
});
