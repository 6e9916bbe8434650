import { given } from '@union/kernel/testing';
import type {
  ApproveHolidayBatch,
  PrepareHolidayBatch,
  RecordHolidayBatchChunk,
} from './holiday-batch.commands';
import { holidayBatchDecider } from './holiday-batch.decider';
import type { HolidayBatchEvent } from './holiday-batch.events';
import { previewLine, previewTotals, type BatchCandidate } from './holiday-batch.preview';

const BATCH = '00000000-0000-4000-8000-0000000000b1';
const FUND = '00000000-0000-4000-8000-0000000000f1';
const at = (today: string, actor: string) => ({ actor, today, now: `${today}T02:00:00.000Z` });

const prepare = (overrides: Partial<PrepareHolidayBatch> = {}): PrepareHolidayBatch => ({
  type: 'PrepareHolidayBatch',
  ...at('2025-01-10', 'cw-1'),
  batchId: BATCH,
  name: '2025年春节送温暖',
  orgId: 'org-city',
  fundId: FUND,
  tiers: ['deep', 'relative'],
  amountsByTierFen: { deep: 100_000, relative: 50_000 },
  paidOn: '2025-01-20',
  preview: { includedCount: 3, totalFen: 250_000, excludedCount: 1 },
  ...overrides,
});
const approve = (remainingFen: number, actor = 'rv-1'): ApproveHolidayBatch => ({
  type: 'ApproveHolidayBatch',
  ...at('2025-01-11', actor),
  fund: { fundId: FUND, remainingFen },
});
const chunk = (recordedCount: number, recordedFen: number, unrecorded = [0, 0]): RecordHolidayBatchChunk => ({
  type: 'RecordHolidayBatchChunk',
  ...at('2025-01-11', 'rv-1'),
  recordedCount,
  recordedFen,
  unrecordedCount: unrecorded[0],
  unrecordedFen: unrecorded[1],
});

const events = (...steps: Parameters<typeof holidayBatchDecider.decide>[0][]): HolidayBatchEvent[] =>
  steps.reduce<HolidayBatchEvent[]>(
    (history, command) => [
      ...history,
      ...given(holidayBatchDecider, ...history)
        .when(command)
        .events(),
    ],
    [],
  );
const START = { type: 'StartHolidayBatch' as const, ...at('2025-01-11', 'rv-1') };
const FINISH = { type: 'FinishHolidayBatch' as const, ...at('2025-01-11', 'rv-1') };

describe('holiday batch (送温暖)', () => {
  it('prepares a draft with its preview totals', () => {
    given(holidayBatchDecider)
      .when(prepare())
      .then([
        {
          type: 'HolidayBatchPrepared',
          data: {
            batchId: BATCH,
            name: '2025年春节送温暖',
            orgId: 'org-city',
            fundId: FUND,
            tiers: ['deep', 'relative'],
            amountsByTierFen: { deep: 100_000, relative: 50_000 },
            paidOn: '2025-01-20',
            includedCount: 3,
            totalFen: 250_000,
            excludedCount: 1,
            preparedBy: 'cw-1',
            preparedOn: '2025-01-10',
            preparedAt: '2025-01-10T02:00:00.000Z',
          },
        },
      ]);
  });

  it('refuses bad tiers and amounts, a missing date, an empty target and a reused id', () => {
    given(holidayBatchDecider)
      .when(prepare({ tiers: ['deep', 'deep'] }))
      .thenFails({ code: 'VALIDATION_FAILED', fields: ['tiers'] });
    given(holidayBatchDecider)
      .when(prepare({ amountsByTierFen: { deep: 0, emergency: 5 }, paidOn: '2025-13-01', name: ' ' }))
      .thenFails({
        code: 'VALIDATION_FAILED',
        fields: ['name', 'paidOn', 'amountsByTierFen.deep', 'amountsByTierFen.relative', 'amountsByTierFen'],
      });
    given(holidayBatchDecider)
      .when(prepare({ preview: { includedCount: 0, totalFen: 0, excludedCount: 4 } }))
      .thenFails({ code: 'RULE_VIOLATION', details: { excludedCount: 4 } });
    given(holidayBatchDecider, ...events(prepare()))
      .when(prepare())
      .thenFails('CONFLICT');
  });

  it('approves a batch exactly covered by the fund', () => {
    const [approved] = given(holidayBatchDecider, ...events(prepare()))
      .when(approve(250_000))
      .events();
    expect(approved).toEqual({
      type: 'HolidayBatchApproved',
      data: {
        batchId: BATCH,
        fundId: FUND,
        totalFen: 250_000,
        fundRemainingFen: 250_000,
        approvedBy: 'rv-1',
        approvedOn: '2025-01-11',
        approvedAt: '2025-01-11T02:00:00.000Z',
      },
    });
  });

  it('refuses the whole batch when the fund is one fen short', () => {
    const [refused] = given(holidayBatchDecider, ...events(prepare()))
      .when(approve(249_999))
      .events();
    expect(refused).toMatchObject({
      type: 'HolidayBatchRefused',
      data: { code: 'FUND_INSUFFICIENT', totalFen: 250_000, fundRemainingFen: 249_999, refusedBy: 'rv-1' },
    });
    const history = events(prepare(), approve(249_999));
    given(holidayBatchDecider, ...history)
      .when(START)
      .thenFails('RULE_VIOLATION');
    given(holidayBatchDecider, ...history)
      .when(approve(1_000_000))
      .thenFails('RULE_VIOLATION');
  });

  it('needs a reviewer other than the preparer (SAME_ACTOR), and a reason to reject', () => {
    const drafted = events(prepare());
    given(holidayBatchDecider, ...drafted)
      .when(approve(250_000, 'cw-1'))
      .thenFails('SAME_ACTOR');
    given(holidayBatchDecider, ...drafted)
      .when({ type: 'RejectHolidayBatch', ...at('2025-01-11', 'cw-1'), reason: '名单有误' })
      .thenFails('SAME_ACTOR');
    given(holidayBatchDecider, ...drafted)
      .when({ type: 'RejectHolidayBatch', ...at('2025-01-11', 'rv-1'), reason: ' ' })
      .thenFails({ code: 'VALIDATION_FAILED', fields: ['reason'] });
    const [rejected] = given(holidayBatchDecider, ...drafted)
      .when({ type: 'RejectHolidayBatch', ...at('2025-01-11', 'rv-1'), reason: '名单有误' })
      .events();
    expect(rejected).toMatchObject({
      type: 'HolidayBatchRefused',
      data: { code: 'REJECTED', reason: '名单有误' },
    });
    given(holidayBatchDecider).when(approve(1)).thenFails('NOT_FOUND');
  });

  it('runs: starts once, settles chunks within what is left, finishes releasing what was not recorded', () => {
    const approved = events(prepare(), approve(300_000));
    const running = [
      ...approved,
      ...given(holidayBatchDecider, ...approved)
        .when(START)
        .events(),
    ];
    expect(running.at(-1)).toMatchObject({ type: 'HolidayBatchStarted' });
    given(holidayBatchDecider, ...running)
      .when(START)
      .then([]);
    given(holidayBatchDecider, ...running)
      .when(FINISH)
      .thenFails('RULE_VIOLATION');
    given(holidayBatchDecider, ...running)
      .when(chunk(4, 300_000))
      .thenFails('RULE_VIOLATION');
    given(holidayBatchDecider, ...running)
      .when(chunk(2, 250_001))
      .thenFails('RULE_VIOLATION');
    given(holidayBatchDecider, ...running)
      .when(chunk(0, 0))
      .thenFails('VALIDATION_FAILED');
    const settled = events(prepare(), approve(300_000), START, chunk(2, 200_000), chunk(0, 0, [1, 50_000]));
    given(holidayBatchDecider, ...settled)
      .when(chunk(1, 1))
      .thenFails('RULE_VIOLATION');
    const [finished] = given(holidayBatchDecider, ...settled)
      .when(FINISH)
      .events();
    expect(finished).toEqual({
      type: 'HolidayBatchFinished',
      data: {
        batchId: BATCH,
        fundId: FUND,
        recordedCount: 2,
        recordedFen: 200_000,
        unrecordedCount: 1,
        releasedFen: 50_000,
        finishedAt: '2025-01-11T02:00:00.000Z',
      },
    });
    given(holidayBatchDecider, ...settled, finished)
      .when(chunk(1, 1))
      .thenFails('RULE_VIOLATION');
  });
});

describe('the preview of a batch', () => {
  const amounts = { deep: 100_000, relative: 50_000 };
  const candidate = (overrides: Partial<BatchCandidate>): BatchCandidate => ({
    caseId: 'c',
    unitId: 'u',
    tier: 'deep',
    status: 'open',
    usedInYearFen: 0,
    ...overrides,
  });

  it('includes each open case with its tier amount; leaves out closed cases and those the cap refuses', () => {
    const lines = [
      previewLine(candidate({ caseId: 'a' }), amounts, 2_000_000),
      previewLine(candidate({ caseId: 'b', tier: 'relative', usedInYearFen: 1_950_000 }), amounts, 2_000_000),
      previewLine(candidate({ caseId: 'c', usedInYearFen: 1_900_001 }), amounts, 2_000_000),
      previewLine(candidate({ caseId: 'd', status: 'closed' }), amounts, 2_000_000),
    ];
    expect(lines.map((l) => [l.caseId, l.status, l.amountFen, l.reason])).toEqual([
      ['a', 'included', 100_000, undefined],
      ['b', 'included', 50_000, undefined],
      ['c', 'excluded', 100_000, 'YEARLY_CAP'],
      ['d', 'excluded', 100_000, 'CASE_CLOSED'],
    ]);
    expect(previewTotals(lines)).toEqual({ includedCount: 2, totalFen: 150_000, excludedCount: 2 });
  });
});
