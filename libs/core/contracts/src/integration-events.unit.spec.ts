import { ContractViolation } from './validation/contract-violation';
import { isFromNewerContract, parseIntegrationEvent, type IntegrationEnvelope } from './integration-events';
import { TOPICS } from './topics';

const REF = 'a'.repeat(64);
const OTHER_REF = 'b'.repeat(64);
const ID = (n: number) => `abcdef00-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A valid example of every event of every contract. */
const VALID: { topic: string; type: string; data: Record<string, unknown> }[] = [
  {
    topic: TOPICS.hardshipCases,
    type: 'HardshipCaseOpened',
    data: {
      personRef: REF,
      caseId: ID(1),
      unitId: 'u-1',
      regionCode: '110105',
      tier: 'deep',
      openedOn: '2026-02-28',
    },
  },
  {
    topic: TOPICS.hardshipCases,
    type: 'HardshipTierChanged',
    data: { personRef: REF, caseId: ID(1), fromTier: 'deep', toTier: 'relative' },
  },
  {
    topic: TOPICS.hardshipCases,
    type: 'HardshipCaseClosed',
    data: { personRef: REF, caseId: ID(1), reason: 'moved_away' },
  },
  {
    topic: TOPICS.hardshipCases,
    type: 'HardshipCaseReopened',
    data: { personRef: REF, caseId: ID(1), tier: 'emergency' },
  },
  {
    topic: TOPICS.educationGrants,
    type: 'GrantDisbursed',
    data: {
      personRef: REF,
      applicationId: ID(2),
      campaignId: ID(3),
      studentPersonRef: OTHER_REF,
      level: 'senior_high',
      amountFen: 200_000,
      paidOn: '2025-08-20',
    },
  },
  {
    topic: TOPICS.medicalAidClaims,
    type: 'ClaimPaid',
    data: {
      personRef: REF,
      claimId: ID(4),
      periodId: ID(5),
      unitId: 'u-1',
      outOfPocketFen: 4_100_000,
      payoutFen: 2_000_000,
      paidOn: '2025-05-06',
    },
  },
  {
    topic: TOPICS.medicalAidClaims,
    type: 'SeriousIllnessAidGranted',
    data: { personRef: REF, periodId: ID(5), amountFen: 500_000, totalGrantedFen: 500_000 },
  },
  {
    topic: TOPICS.medicalAidClaims,
    type: 'HardshipRiskDetected',
    data: {
      personRef: REF,
      periodId: ID(5),
      unitId: 'u-1',
      memberName: '王建国',
      remainingBurdenFen: 3_000_000,
      claimIds: [ID(4)],
    },
  },
];

function example(type: string): (typeof VALID)[number] {
  const found = VALID.find((e) => e.type === type);
  if (!found) throw new Error(`no example of ${type}`);
  return found;
}

const envelope = (e: (typeof VALID)[number], data: unknown = e.data): IntegrationEnvelope => ({
  topic: e.topic,
  key: REF,
  type: e.type,
  version: 1,
  occurredAt: '2025-05-06T17:30:00.000Z',
  value: data,
});

/** The problems the contract finds, or [] when it accepts the envelope. */
function problemsOf(input: IntegrationEnvelope): readonly string[] {
  try {
    parseIntegrationEvent(input);
    return [];
  } catch (error) {
    if (error instanceof ContractViolation) return error.problems;
    throw error;
  }
}

/** Values of the wrong type or format for every field, by the field's kind. */
const WRONG: Record<string, unknown[]> = {
  ref: [undefined, null, 42, '', 'A'.repeat(64), 'a'.repeat(63), 'g'.repeat(64)],
  uuid: [undefined, 7, 'c-1', ID(1).toUpperCase(), `${ID(1)}x`],
  text: [undefined, 3, '', '   ', 'x'.repeat(201)],
  fen: [undefined, '100', -1, 1.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN, null],
  date: [undefined, 20250820, '2025-8-20', '2025-02-29', '2025-08-20T00:00:00Z'],
  tier: [undefined, 'platinum', 'Deep', 1],
  level: [undefined, 'doctorate', 2],
  region: [undefined, 110105, '11010', '11010a'],
  list: [undefined, 'c-1', ['c-1'], [ID(1), 3]],
};
const KIND: Record<string, keyof typeof WRONG> = {
  personRef: 'ref',
  studentPersonRef: 'ref',
  caseId: 'uuid',
  applicationId: 'uuid',
  campaignId: 'uuid',
  claimId: 'uuid',
  periodId: 'uuid',
  unitId: 'text',
  reason: 'text',
  memberName: 'text',
  amountFen: 'fen',
  payoutFen: 'fen',
  outOfPocketFen: 'fen',
  totalGrantedFen: 'fen',
  remainingBurdenFen: 'fen',
  openedOn: 'date',
  paidOn: 'date',
  tier: 'tier',
  fromTier: 'tier',
  toTier: 'tier',
  level: 'level',
  regionCode: 'region',
  claimIds: 'list',
};

describe('integration event contracts', () => {
  it.each(VALID.map((e) => [e.type, e] as const))('accepts a valid %s, keeping only its fields', (_t, e) => {
    const event = parseIntegrationEvent(envelope(e, { ...e.data, addedLater: true }));
    expect(event).toEqual({ type: e.type, version: 1, data: e.data });
  });

  it('refuses every field missing or mistyped, naming the field, for every event', () => {
    for (const e of VALID) {
      for (const field of Object.keys(e.data)) {
        for (const wrong of WRONG[KIND[field]]) {
          const data = { ...e.data, [field]: wrong };
          if (wrong === undefined) delete data[field];
          const problems = problemsOf(envelope(e, data));
          const reported = problems.some((p) => p.startsWith(`${field} `));
          if (!reported)
            throw new Error(`${e.type}.${field} = ${String(wrong)} was accepted: ${problems.join('; ')}`);
        }
      }
    }
  });

  it('refuses a HardshipCaseClosed without personRef (it would have closed another person’s eligibility)', () => {
    const closed = example('HardshipCaseClosed');
    const { personRef: _gone, ...data } = closed.data;
    expect(problemsOf(envelope(closed, data))).toEqual([
      'personRef must be a personRef (64 lower-case hex characters); got nothing (the field is missing)',
    ]);
  });

  it('refuses the tier platinum, naming the tiers there are', () => {
    const opened = example('HardshipCaseOpened');
    expect(problemsOf(envelope(opened, { ...opened.data, tier: 'platinum' }))).toEqual([
      'tier must be one of deep, relative, emergency; got "platinum"',
    ]);
  });

  it('lists every problem at once, without echoing personal data', () => {
    const risk = example('HardshipRiskDetected');
    const error = (() => {
      try {
        return parseIntegrationEvent({
          ...envelope(risk, { personRef: REF, memberName: 'x'.repeat(300), claimIds: [ID(1), 'c-2'] }),
          version: 0,
        });
      } catch (e) {
        return e as ContractViolation;
      }
    })();
    expect(error).toBeInstanceOf(ContractViolation);
    expect((error as ContractViolation).problems).toEqual([
      'event-version must be 1; got none',
      'periodId must be a lower-case UUID; got nothing (the field is missing)',
      'unitId must be non-blank text of at most 200 characters; got nothing (the field is missing)',
      'memberName must be non-blank text of at most 200 characters; got a string of 300 characters',
      'remainingBurdenFen must be a whole, non-negative number of fen; got nothing (the field is missing)',
      'claimIds must hold only lower-case UUIDs; not at [1]',
    ]);
    expect((error as ContractViolation).message).toMatch(
      /^HardshipRiskDetected on medical-aid\.claims\.v1 breaks/,
    );
  });

  it('refuses amounts that contradict each other', () => {
    const paid = example('ClaimPaid');
    const aid = example('SeriousIllnessAidGranted');
    expect(problemsOf(envelope(paid, { ...paid.data, payoutFen: 4_100_001 }))).toEqual([
      'payoutFen must not exceed outOfPocketFen',
    ]);
    expect(problemsOf(envelope(aid, { ...aid.data, totalGrantedFen: 499_999 }))).toEqual([
      'amountFen must not exceed totalGrantedFen',
    ]);
  });

  it('refuses values that are not JSON objects, and a key that is not the personRef', () => {
    const e = VALID[0];
    for (const value of [null, [], 'text', 5]) {
      expect(problemsOf(envelope(e, value))[0]).toMatch(/^the value must be a JSON object; got /);
    }
    expect(problemsOf({ ...envelope(e), value: undefined, valueProblem: 'the value is not UTF-8' })).toEqual([
      'the value is not UTF-8',
    ]);
    expect(problemsOf({ ...envelope(e), key: OTHER_REF })).toEqual([
      "the message key must be the payload's personRef (one person's events share a partition)",
    ]);
  });

  it('refuses an occurred-at header that is not an instant', () => {
    for (const occurredAt of ['', '2025-05-06', 'yesterday', '2025-13-06T17:30:00Z']) {
      expect(problemsOf({ ...envelope(VALID[0]), occurredAt })).toEqual([
        expect.stringMatching(/^occurred-at must be an ISO 8601 instant; got /),
      ]);
    }
    expect(problemsOf({ ...envelope(VALID[0]), occurredAt: '2025-05-06T17:30:00+08:00' })).toEqual([]);
  });

  it('refuses an event on the wrong topic, a missing type and an unknown topic', () => {
    const grant = example('GrantDisbursed');
    expect(problemsOf({ ...envelope(grant), topic: TOPICS.hardshipCases })).toEqual([
      'GrantDisbursed is not an event of hardship.cases.v1 (its events: HardshipCaseOpened, HardshipTierChanged, HardshipCaseClosed, HardshipCaseReopened)',
    ]);
    expect(problemsOf({ ...envelope(grant), type: '' })[0]).toMatch(/^the event-type header is missing/);
    expect(problemsOf({ ...envelope(grant), topic: 'payroll.v1' })).toEqual([
      'payroll.v1 is not a topic of the contracts',
    ]);
    expect(problemsOf({ ...envelope(grant), type: 'toString' })[0]).toMatch(/is not an event of/);
  });

  it('tells events of a later release (new type, higher version) from broken ones', () => {
    expect(isFromNewerContract(TOPICS.educationGrants, 'GrantApproved', 1)).toBe(true);
    expect(isFromNewerContract(TOPICS.educationGrants, 'GrantDisbursed', 2)).toBe(true);
    expect(isFromNewerContract(TOPICS.educationGrants, 'GrantDisbursed', 1)).toBe(false);
    expect(isFromNewerContract(TOPICS.educationGrants, 'GrantDisbursed', 0)).toBe(false);
    expect(isFromNewerContract(TOPICS.educationGrants, '', 1)).toBe(false);
    expect(isFromNewerContract('payroll.v1', 'PayslipIssued', 1)).toBe(false);
  });
});
