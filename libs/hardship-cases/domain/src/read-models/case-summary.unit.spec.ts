import type { CaseEvent } from '../case/case.events';
import { DEFAULT_POLICY } from '../policy/region-policy';
import { CASE_ID, CONSENT, householdOf, on, openCase, PERSON_REF } from '../testing/case.fixtures';
import { history, play } from '../testing/case-history.fixture';
import {
  assistanceThisYearFen,
  evolveCaseSummary,
  isVisitOverdue,
  type CaseSummaryRow,
} from './case-summary.projection';

const cw = (today: string) => on(today, 'cw-1');
const fold = (events: CaseEvent[]): CaseSummaryRow | null =>
  events.reduce(evolveCaseSummary, null as CaseSummaryRow | null);

describe('evolveCaseSummary', () => {
  it('builds the case of API.md from its history', () => {
    expect(fold(history)).toEqual({
      caseId: CASE_ID,
      personRef: PERSON_REF,
      status: 'open',
      tier: 'relative',
      computedTier: 'relative',
      overrideReason: null,
      idNumberMasked: '110105********002X',
      name: 'Wang Fang',
      phone: '13800000000',
      unitId: 'unit-1',
      regionCode: '630102',
      household: { size: 2, monthlyIncomeFen: 240_000 },
      perCapitaIncomeFen: 120_000,
      emergencyExpenseFen: null,
      causes: ['illness'],
      channel: 'walk_in',
      openedOn: '2024-03-01',
      openedAt: '2024-03-01T02:00:00.000Z',
      nextReviewDue: '2026-02-01',
      lastVisitOn: '2024-04-10',
      visitOverdueOn: '2024-10-07',
      pairing: { helperName: 'Zhao', helperUnit: 'U7', assignedOn: '2024-04-11' },
      assistanceByYearFen: { '2024': 700_000, '2025': 50_000 },
      countedAssistance: {
        a1: { year: '2024', amountFen: 100_000 },
        a2: { year: '2024', amountFen: 600_000 },
        a4: { year: '2025', amountFen: 50_000 },
      },
      closedReason: null,
      closedOn: null,
      policyVersion: 'default-1',
      referralIds: ['ref-1'],
      consent: CONSENT,
    });
  });

  it("reads this year's assistance and the visit status at read time", () => {
    const row = fold(history) as CaseSummaryRow;
    expect(assistanceThisYearFen(row, '2024-12-31')).toBe(700_000);
    expect(assistanceThisYearFen(row, '2025-06-01')).toBe(50_000);
    expect(assistanceThisYearFen(row, '2026-01-01')).toBe(0);
    expect(isVisitOverdue(row, '2024-10-06')).toBe(false);
    expect(isVisitOverdue(row, '2024-10-07')).toBe(true);
  });

  it('counts a case never visited as overdue 180 days after opening', () => {
    const row = fold(play(openCase())) as CaseSummaryRow;
    expect(row.visitOverdueOn).toBe('2024-08-28');
  });

  it('closes as out of hardship and reopens with a recomputed tier', () => {
    const closing = play(openCase(), {
      type: 'ReassessCase',
      ...cw('2024-09-01'),
      household: householdOf(400_000, 2),
      policy: DEFAULT_POLICY,
    });
    const closed = fold(closing) as CaseSummaryRow;
    expect(closed).toMatchObject({
      status: 'closed',
      closedReason: 'out_of_hardship',
      closedOn: '2024-09-01',
      nextReviewDue: null,
      tier: 'deep',
      computedTier: null,
    });
    const reopening = play(
      openCase(),
      { type: 'CloseCase', ...cw('2024-09-01'), reason: 'moved_away' },
      {
        type: 'ReopenCase',
        ...cw('2024-10-01'),
        reason: 'back',
        household: householdOf(260_000, 2),
        policy: DEFAULT_POLICY,
      },
    );
    expect(fold(reopening)).toMatchObject({
      status: 'open',
      closedReason: null,
      closedOn: null,
      tier: 'relative',
      nextReviewDue: '2025-10-01',
    });
  });

  it('shows an override until a reassessment replaces it', () => {
    const override = {
      household: householdOf(300_000),
      tierOverride: 'relative' as const,
      overrideReason: 'Committee',
    };
    const opened = play(openCase(override));
    expect(fold(opened)).toMatchObject({ tier: 'relative', computedTier: null, overrideReason: 'Committee' });
    const reassessed = play(openCase(override), {
      type: 'ReassessCase',
      ...cw('2024-09-01'),
      household: householdOf(100_000),
      policy: DEFAULT_POLICY,
    });
    expect(fold(reassessed)).toMatchObject({
      tier: 'relative',
      computedTier: 'relative',
      overrideReason: null,
    });
  });

  it('has no row before the case was opened', () => {
    expect(evolveCaseSummary(null, history[1])).toBeNull();
  });

  it('gives the same row when the same event is applied twice', () => {
    let row: CaseSummaryRow | null = null;
    for (const event of history) {
      const once = evolveCaseSummary(row, event);
      expect(evolveCaseSummary(once, event)).toEqual(once);
      expect(evolveCaseSummary(row, event)).toEqual(once);
      row = once;
    }
  });
});
