import { createdId, Ledger, type Write } from './http-client';
import { foldBudgets } from './oracle-money';
import { eventCountProblems, replayedRetries, undecidedWrites, type CommandEvents } from './oracle-writes';

const ok = (at: number) => ({ at, ms: 5, status: 201, refused: false });
const cut = (at: number) => ({ at, ms: 5, status: 0, refused: true });

function ledger(...writes: Partial<Write>[]): Ledger {
  const l = new Ledger('r');
  writes.forEach((w, i) =>
    l.writes.push({
      op: 'open-case',
      service: 'hardship-cases',
      expects: 'HardshipCaseOpened',
      key: `r.open-case.${i + 1}`,
      path: '/hardship/cases',
      sent: {},
      attempts: [ok(100)],
      outcome: 'accepted',
      status: 201,
      body: {},
      ...w,
    }),
  );
  return l;
}
const events = (...entries: [string, number, number][]): CommandEvents =>
  new Map(entries.map(([key, n, first]) => [`hardship-cases|${key}|HardshipCaseOpened`, { n, first }]));

describe('the oracle over the writes', () => {
  it('wants exactly one event for an accepted write and none for a refused one', () => {
    const l = ledger(
      {},
      {},
      {},
      { outcome: 'rejected', status: 409, code: 'DUPLICATE' },
      { outcome: 'rejected', status: 422, code: 'NOT_ELIGIBLE' },
      { outcome: 'gave-up', status: 503 },
    );
    const problems = eventCountProblems(
      l,
      events(
        ['r.open-case.1', 1, 50],
        ['r.open-case.2', 2, 50],
        ['r.open-case.4', 1, 50],
        ['r.open-case.6', 1, 50],
      ),
    );
    expect(problems).toEqual([
      'open-case r.open-case.2 answered 201: 2 HardshipCaseOpened events (want 1)',
      'open-case r.open-case.3 answered 201: 0 HardshipCaseOpened events (want 1)',
      'open-case r.open-case.4 answered 409 DUPLICATE: 1 HardshipCaseOpened events (want 0)',
    ]);
  });

  it('names every write still refused when its retries ran out', () => {
    const l = ledger(
      {},
      { outcome: 'gave-up', status: 503, code: 'OUTCOME_UNKNOWN', attempts: [cut(1), cut(2)] },
    );
    expect(undecidedWrites(l)).toEqual([
      'open-case r.open-case.2: still 503 OUTCOME_UNKNOWN after 2 attempts',
    ]);
  });

  it('counts a replay only for a retry sent after its event was recorded', () => {
    const l = ledger(
      { attempts: [cut(100), ok(300)] }, // committed at 150 by the cut-off attempt: the retry replayed it
      { attempts: [cut(100), ok(300)] }, // recorded at 310: the retry itself wrote it
      { attempts: [ok(100)] }, // no retry
    );
    const counts = events(['r.open-case.1', 1, 150], ['r.open-case.2', 1, 310], ['r.open-case.3', 1, 90]);
    expect(replayedRetries(l, counts)).toEqual([300]);
  });

  it('reads the created id from the answer, or from the stream of a committed-writes replay', () => {
    const [plain, replayed, neither] = ledger(
      { body: { caseId: 'c-1' } },
      { body: { outcome: 'committed', writes: [{ streamId: 'case-c-2', version: 1 }] } },
      { body: { outcome: 'committed', writes: [{ streamId: 'campaign-x', version: 3 }] } },
    ).writes;
    expect([plain, replayed, neither].map((w) => createdId(w, 'caseId', 'case'))).toEqual([
      'c-1',
      'c-2',
      undefined,
    ]);
  });
});

describe('the oracle over the budget', () => {
  const row = (type: string, data: Record<string, number | string>, stream = 'campaign-a') => ({
    stream_id: stream,
    type,
    data,
  });

  it('folds reservations, releases and payments, and names the event that overspent', () => {
    const { campaigns, problems } = foldBudgets([
      row('CampaignOpened', { budgetFen: 400 }),
      row('BudgetReserved', { applicationId: 'x', amountFen: 200 }),
      row('GrantPaidFromBudget', { applicationId: 'x', amountFen: 200 }),
      row('BudgetReserved', { applicationId: 'y', amountFen: 200 }),
      row('ReservationReleased', { applicationId: 'y', amountFen: 200 }),
      row('BudgetReserved', { applicationId: 'z', amountFen: 200 }),
      row('BudgetReserved', { applicationId: 'w', amountFen: 200 }),
    ]);
    expect(campaigns.get('campaign-a')).toEqual({ budget: 400, reserved: 400, disbursed: 200 });
    expect(problems).toEqual(['campaign-a overspent at BudgetReserved: 400 reserved + 200 disbursed > 400']);
  });
});
