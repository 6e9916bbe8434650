import { upcastAssistanceRecordedV1 } from './assistance.events';
import { caseOpened, CASE_ID, on } from '../testing/case.fixtures';
import { record, recorded, reject } from '../testing/assistance.fixtures';
import { given } from '../testing/given-when-then';
import { caseDecider } from './case.decider';

describe('RecordAssistance', () => {
  it('disburses an assistance one fen below the approval threshold at once', () => {
    given(caseDecider, caseOpened())
      .when(record(499_999))
      .then([
        {
          type: 'AssistanceRecorded',
          data: {
            caseId: CASE_ID,
            assistanceId: 'as-499999',
            kind: 'cash',
            category: 'living',
            amountFen: 499_999,
            fundId: 'fund-1',
            description: 'Monthly living support',
            status: 'disbursed',
            recordedBy: 'cw-1',
            recordedOn: '2024-05-01',
            recordedAt: '2024-05-01T02:00:00.000Z',
            approvalThresholdFen: 500_000,
            annualAssistanceCapFen: 2_000_000,
          },
        },
      ]);
  });

  it('sends an assistance of exactly the threshold for approval', () => {
    expect(recorded([], 500_000)[0]?.data).toMatchObject({ status: 'pending_approval' });
  });

  it('applies the limits of the configuration', () => {
    const limits = { approvalThresholdFen: 100_000, annualAssistanceCapFen: 300_000 };
    expect(recorded([], 100_000, { limits })[0]?.data).toMatchObject({
      status: 'pending_approval',
      annualAssistanceCapFen: 300_000,
    });
  });

  describe('the yearly cap of 2,000,000 fen', () => {
    const first = recorded([], 1_500_000, { assistanceId: 'big' });

    it('allows reaching the cap exactly, pending requests included', () => {
      expect(recorded(first, 500_000)).toHaveLength(1);
    });

    it('refuses the request one fen over it', () => {
      given(caseDecider, caseOpened(), ...first)
        .when(record(500_001))
        .thenFails({
          code: 'RULE_VIOLATION',
          details: { year: 2024, capFen: 2_000_000, usedFen: 1_500_000, remainingFen: 500_000 },
        });
    });

    it('does not count a rejected request', () => {
      const rejected = given(caseDecider, caseOpened(), ...first)
        .when(reject('big'))
        .events();
      expect(recorded([...first, ...rejected], 2_000_000)).toHaveLength(1);
    });

    it('starts again in a new calendar year', () => {
      const lastYear = recorded([], 2_000_000, { ...on('2024-12-31'), assistanceId: 'dec' });
      expect(recorded(lastYear, 2_000_000, on('2025-01-01'))).toHaveLength(1);
      given(caseDecider, caseOpened(), ...lastYear)
        .when(record(1, on('2024-12-31')))
        .thenFails('RULE_VIOLATION');
    });
  });

  it('is only given on an open case', () => {
    const closed = given(caseDecider, caseOpened())
      .when({ type: 'CloseCase', ...on('2024-04-01'), reason: 'moved_away' })
      .events();
    given(caseDecider, caseOpened(), ...closed)
      .when(record(100))
      .thenFails('RULE_VIOLATION');
    given(caseDecider).when(record(100)).thenFails('NOT_FOUND');
  });

  it('refuses invalid input and a reused id', () => {
    given(caseDecider, caseOpened())
      .when(record(0, { kind: 'money' as never, fundId: ' ' }))
      .thenFails({ code: 'VALIDATION_FAILED', fields: ['kind', 'amountFen', 'fundId'] });
    given(caseDecider, caseOpened(), ...recorded([], 100))
      .when(record(100))
      .thenFails('CONFLICT');
  });
});

describe('assistance recorded before funds (schema version 1)', () => {
  it('reads with fundId null and its free-text fundSource kept', () => {
    const v1 = { assistanceId: 'old', amountFen: 100, fundSource: '工会帮扶专项资金' };
    expect(upcastAssistanceRecordedV1(v1)).toEqual({ ...v1, fundId: null });
  });
});
