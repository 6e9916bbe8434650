import { DEFAULT_POLICY } from '../policy/region-policy';
import {
  caseOpened,
  CASE_ID,
  CONSENT,
  householdOf,
  openCase,
  PERSON_REF,
  regionPolicy,
} from '../testing/case.fixtures';
import { given } from '@union/kernel/testing';
import { caseDecider } from './case.decider';

describe('OpenCase', () => {
  it('opens a deep case with both tiers, the policy version and a review in 12 months', () => {
    given(caseDecider)
      .when(openCase())
      .then([
        {
          type: 'HardshipCaseOpened',
          data: {
            caseId: CASE_ID,
            personRef: PERSON_REF,
            idNumberMasked: '110105********002X',
            name: 'Wang Fang',
            phone: '13800000000',
            unitId: 'unit-1',
            regionCode: '630102',
            household: { size: 2, monthlyIncomeFen: 160_000 },
            perCapitaIncomeFen: 80_000,
            causes: ['illness'],
            channel: 'walk_in',
            consent: CONSENT,
            computedTier: 'deep',
            tier: 'deep',
            policyVersion: 'default-1',
            nextReviewDue: '2025-03-01',
            openedOn: '2024-03-01',
            openedAt: '2024-03-01T02:00:00.000Z',
            openedBy: 'cw-1',
          },
        },
      ]);
  });

  it('opens at exactly L as deep and one fen above as relative', () => {
    expect(caseOpened({ household: householdOf(90_000) }).data.tier).toBe('deep');
    expect(caseOpened({ household: householdOf(90_001) }).data.tier).toBe('relative');
  });

  it('opens at exactly the relative line as relative', () => {
    expect(caseOpened({ household: householdOf(135_000) }).data).toMatchObject({
      tier: 'relative',
      nextReviewDue: '2025-03-01',
    });
  });

  it('opens an emergency case above the relative line, reviewed after 6 months', () => {
    const opened = caseOpened({ household: householdOf(135_001), emergencyExpenseFen: 12 * 135_001 });
    expect(opened.data).toMatchObject({
      tier: 'emergency',
      emergencyExpenseFen: 1_620_012,
      nextReviewDue: '2024-09-01',
    });
  });

  it('refuses one fen above the relative line with NOT_ELIGIBLE naming the line', () => {
    given(caseDecider)
      .when(openCase({ household: householdOf(135_001) }))
      .thenFails({
        code: 'NOT_ELIGIBLE',
        message: /1350\.00 yuan \(135000 fen\)/,
        details: { exceededLine: 'relative_line' },
      });
  });

  it('refuses an emergency expense one fen short of 12 months of income', () => {
    given(caseDecider)
      .when(openCase({ household: householdOf(135_001), emergencyExpenseFen: 12 * 135_001 - 1 }))
      .thenFails('NOT_ELIGIBLE');
  });

  it('applies the region policy it is given and records its version', () => {
    const policy = regionPolicy({ minimumLivingStandardFen: 70_000, policyVersion: '630102-3' });
    expect(caseOpened({ policy }).data).toMatchObject({ tier: 'relative', policyVersion: '630102-3' });
  });

  it('opens a case the rules refuse when a caseworker overrides the tier with a reason', () => {
    const opened = caseOpened({
      household: householdOf(200_000),
      tierOverride: 'relative',
      overrideReason: 'Committee decision 2024-07',
    });
    expect(opened.data).toMatchObject({
      computedTier: null,
      tier: 'relative',
      overrideReason: 'Committee decision 2024-07',
    });
  });

  it('refuses an override without a written reason', () => {
    given(caseDecider)
      .when(openCase({ tierOverride: 'emergency', overrideReason: '  ' }))
      .thenFails({ code: 'VALIDATION_FAILED', fields: ['overrideReason'] });
  });

  it('refuses a reason without an override', () => {
    given(caseDecider)
      .when(openCase({ overrideReason: 'because' }))
      .thenFails({ code: 'VALIDATION_FAILED', fields: ['overrideReason'] });
  });

  it('returns a conflict with the existing case id when the person has an open case', () => {
    given(caseDecider)
      .when(openCase({ existingOpenCaseId: 'case-old' }))
      .thenFails({ code: 'CONFLICT', details: { existingCaseId: 'case-old' } });
  });

  it('refuses to open the same case id twice', () => {
    given(caseDecider, caseOpened()).when(openCase()).thenFails('CONFLICT');
  });

  it('lists every invalid field at once', () => {
    const invalid = openCase({
      name: '',
      regionCode: '63',
      causes: [],
      channel: 'fax' as never,
      household: { size: 0, monthlyIncomeFen: 1 },
    });
    given(caseDecider)
      .when(invalid)
      .thenFails({ code: 'VALIDATION_FAILED', fields: ['person.name', 'regionCode', 'causes', 'channel'] });
    given(caseDecider)
      .when(openCase({ household: { size: 0, monthlyIncomeFen: 1 } }))
      .thenFails({ code: 'VALIDATION_FAILED', fields: ['household.size'] });
  });

  it('refuses repeated or unknown causes', () => {
    for (const causes of [['illness', 'illness'], ['laziness']] as never[]) {
      given(caseDecider)
        .when(openCase({ causes }))
        .thenFails({ code: 'VALIDATION_FAILED', fields: ['causes'] });
    }
  });

  describe("the worker's signed authorisation (授权书)", () => {
    it('is required: without it, no case', () => {
      for (const consent of [undefined, null]) {
        given(caseDecider)
          .when(openCase({ consent }))
          .thenFails({ code: 'VALIDATION_FAILED', fields: ['consent'] });
      }
    });

    it('may be left out of a dry run, which stores nothing, but is checked when given', () => {
      expect(
        caseDecider.decide(openCase({ consent: undefined, dryRun: true }), caseDecider.initialState()),
      ).toHaveLength(1);
      given(caseDecider)
        .when(openCase({ dryRun: true, consent: { documentRef: ' ', signedOn: '2024-03-02' } }))
        .thenFails({ code: 'VALIDATION_FAILED', fields: ['consent.documentRef', 'consent.signedOn'] });
    });

    it('is kept in the opening, its reference trimmed', () => {
      const consent = { documentRef: '  西工帮授〔2024〕0002号 ', signedOn: '2024-03-01' };
      expect(caseOpened({ consent }).data.consent).toEqual({
        documentRef: '西工帮授〔2024〕0002号',
        signedOn: '2024-03-01',
      });
    });

    it('is signed on or before the day of opening, never after', () => {
      given(caseDecider)
        .when(openCase({ consent: { ...CONSENT, signedOn: '2024-03-02' } }))
        .thenFails({ code: 'VALIDATION_FAILED', fields: ['consent.signedOn'] });
      given(caseDecider)
        .when(openCase({ consent: { ...CONSENT, signedOn: '2024-02-30' } }))
        .thenFails({ code: 'VALIDATION_FAILED', fields: ['consent.signedOn'] });
    });

    it("has a filing reference of at most 64 characters, without the worker's name or an identity number", () => {
      const refused = ['', 'x'.repeat(65), '授权书110105194912310021', 'Wang Fang 授权书'];
      for (const documentRef of refused) {
        given(caseDecider)
          .when(openCase({ consent: { ...CONSENT, documentRef } }))
          .thenFails({ code: 'VALIDATION_FAILED', fields: ['consent.documentRef'] });
      }
      expect(
        caseOpened({ consent: { ...CONSENT, documentRef: 'x'.repeat(64) } }).data.consent?.documentRef,
      ).toHaveLength(64);
    });
  });

  it('refuses a policy of another region: a wiring bug, not a user mistake', () => {
    const policy = { ...DEFAULT_POLICY, regionCode: '110101' };
    expect(() => caseDecider.decide(openCase({ policy }), caseDecider.initialState())).toThrow(
      /region 110101/,
    );
  });
});
