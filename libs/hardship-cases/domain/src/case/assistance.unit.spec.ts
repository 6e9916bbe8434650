import type { RecordHolidayAssistance } from './case.commands';
import { upcastAssistanceRecordedV1 } from './assistance.events';
import { caseOpened, CASE_ID, on } from '../testing/case.fixtures';
import { record, recorded, reject } from '../testing/assistance.fixtures';
import { given } from '@union/kernel/testing';
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

describe('RecordHolidayAssistance (a holiday batch)', () => {
  const holiday = (overrides: Partial<RecordHolidayAssistance> = {}): RecordHolidayAssistance => ({
    type: 'RecordHolidayAssistance',
    ...on('2025-01-12', 'rv-1'),
    assistanceId: 'hb-1',
    batchId: 'batch-1',
    batchName: '2025年春节送温暖',
    fundId: 'fund-1',
    amountFen: 800_000,
    paidOn: '2025-01-20',
    ...overrides,
  });

  it('records a disbursed cash holiday assistance from the fund, dated the batch day, even above the threshold', () => {
    const [event] = given(caseDecider, caseOpened()).when(holiday()).events();
    expect(event.data).toMatchObject({
      assistanceId: 'hb-1',
      kind: 'cash',
      category: 'holiday',
      status: 'disbursed',
      amountFen: 800_000,
      recordedOn: '2025-01-20',
      batchId: 'batch-1',
      fundId: 'fund-1',
    });
  });

  it('refuses a second assistance of the same batch, whatever its id; another batch is fine', () => {
    const first = given(caseDecider, caseOpened()).when(holiday()).events();
    given(caseDecider, caseOpened(), ...first)
      .when(holiday({ assistanceId: 'hb-2' }))
      .thenFails({ code: 'CONFLICT', details: { batchId: 'batch-1' } });
    expect(
      given(caseDecider, caseOpened(), ...first)
        .when(holiday({ assistanceId: 'hb-2', batchId: 'batch-2' }))
        .events(),
    ).toHaveLength(1);
  });

  it('counts toward the cap of the year it is paid in, and needs an open case', () => {
    const earlier = recorded([], 1_500_000, { ...on('2025-01-05'), assistanceId: 'big' });
    given(caseDecider, caseOpened(), ...earlier)
      .when(holiday({ amountFen: 500_001 }))
      .thenFails('RULE_VIOLATION');
    const [batchEvent] = given(caseDecider, caseOpened(), ...earlier)
      .when(holiday({ amountFen: 500_000 }))
      .events();
    given(caseDecider, caseOpened(), ...earlier, batchEvent)
      .when(record(1, on('2025-02-01')))
      .thenFails('RULE_VIOLATION');
    const closed = given(caseDecider, caseOpened())
      .when({ type: 'CloseCase', ...on('2025-01-02'), reason: 'moved_away' })
      .events();
    given(caseDecider, caseOpened(), ...closed)
      .when(holiday())
      .thenFails('RULE_VIOLATION');
  });
});
