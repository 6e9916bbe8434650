import type { CaseEvent } from '../case/case.events';
import type { ReferralEvent } from '../referral/referral.events';
import { CASE_ID } from '../testing/case.fixtures';
import {
  detailRowKeyOf,
  evolveAssistanceRow,
  evolveExternalAssistanceRow,
  evolveVisitRow,
  type DetailRowKey,
} from './case-details.projection';
import { history } from '../testing/case-history.fixture';
import { evolveReferralRow, type ReferralRow } from './referral.projection';

/** Each detail table's rows after the history, keyed by id, as a projector would keep them. */
function project(events: CaseEvent[], twice = false): Record<string, unknown> {
  const rows: Record<string, unknown> = {};
  const evolvers = {
    assistance: evolveAssistanceRow,
    visit: evolveVisitRow,
    external_assistance: evolveExternalAssistanceRow,
  };
  for (const event of events) {
    const key = detailRowKeyOf(event);
    if (key === null) continue;
    const id = `${key.table}:${key.id}`;
    const evolve = evolvers[key.table] as (row: unknown, e: CaseEvent) => unknown;
    const once = evolve(rows[id] ?? null, event);
    rows[id] = twice ? evolve(once, event) : once;
  }
  return rows;
}

describe('case detail rows', () => {
  it('keeps one row per assistance, visit and external payment', () => {
    const rows = project(history);
    expect(Object.keys(rows).sort()).toEqual([
      'assistance:a1',
      'assistance:a2',
      'assistance:a3',
      'assistance:a4',
      'external_assistance:e1',
      'visit:v0',
      'visit:v1',
    ]);
    expect(rows['assistance:a2']).toMatchObject({
      status: 'disbursed',
      decidedBy: 'rv-1',
      decidedOn: '2024-05-03',
      year: 2024,
    });
    expect(rows['assistance:a3']).toMatchObject({
      status: 'rejected',
      decisionReason: 'no',
      amountFen: 700_000,
    });
    expect(rows['external_assistance:e1']).toEqual({
      sourceEventId: 'e1',
      caseId: CASE_ID,
      source: 'education-grants',
      type: 'GrantDisbursed',
      amountFen: 300_000,
      occurredOn: '2025-02-01',
    });
    expect(rows['visit:v0']).toMatchObject({ visitedOn: '2024-03-15', findings: 'late entry' });
  });

  it('gives the same rows when every event is applied twice', () => {
    expect(project(history, true)).toEqual(project(history));
  });

  it('leaves a row alone for events about another one', () => {
    const rows = project(history);
    const approveA2 = history.find((e) => e.type === 'AssistanceApproved') as CaseEvent;
    expect(evolveAssistanceRow(rows['assistance:a1'] as never, approveA2)).toBe(rows['assistance:a1']);
    expect(detailRowKeyOf(history[0])).toBeNull();
    const key: DetailRowKey | null = detailRowKeyOf(approveA2);
    expect(key).toEqual({ table: 'assistance', id: 'a2' });
  });
});

describe('evolveReferralRow', () => {
  const received: ReferralEvent = {
    type: 'ReferralReceived',
    data: {
      referralId: 'ref-1',
      personRef: 'p',
      unitId: 'u',
      memberName: 'Zhang Wei',
      remainingBurdenFen: 3_500_000,
      periodId: 'period-1',
      claimIds: ['c1'],
      sourceEventId: 'e',
      receivedAt: '2024-07-01T03:00:00.000Z',
    },
  };
  const dismissed: ReferralEvent = {
    type: 'ReferralDismissed',
    data: {
      referralId: 'ref-1',
      reason: 'Helped elsewhere',
      by: 'cw-1',
      dismissedAt: '2024-07-02T03:00:00.000Z',
    },
  };
  const attached: ReferralEvent = {
    type: 'ReferralAttached',
    data: {
      referralId: 'ref-1',
      caseId: 'case-1',
      attachedAt: '2024-07-01T03:00:00.000Z',
      attachedBy: 'system',
    },
  };

  it('shows a waiting referral, then how it was settled', () => {
    const pending = evolveReferralRow(null, received) as ReferralRow;
    expect(pending).toMatchObject({
      status: 'pending',
      caseId: null,
      memberName: 'Zhang Wei',
      remainingBurdenFen: 3_500_000,
    });
    expect(evolveReferralRow(pending, dismissed)).toMatchObject({
      status: 'dismissed',
      dismissedReason: 'Helped elsewhere',
      settledBy: 'cw-1',
    });
    expect(evolveReferralRow(pending, attached)).toMatchObject({ status: 'attached', caseId: 'case-1' });
    expect(evolveReferralRow(null, attached)).toBeNull();
  });

  it('gives the same row when the same event is applied twice', () => {
    for (const [row, event] of [
      [null, received],
      [evolveReferralRow(null, received), dismissed],
      [evolveReferralRow(null, received), attached],
    ] as const) {
      const once = evolveReferralRow(row, event);
      expect(evolveReferralRow(once, event)).toEqual(once);
    }
  });
});
