import { runFaults, type FaultsRun } from './run-faults';

/**
 * The fault-injection suite (`npm run test:faults`, issue 14): the four apps as separate processes
 * on the suite's own PostgreSQL cluster and Kafka broker, under a steady mixed load through the
 * gateway, through every fault in phases.ts; then the oracle, one test per property. Figures go to
 * bench/results/faults.json and BENCHMARKS.md ("faults"); logs to tmp/faults/logs.
 */
describe('faults: crash, outage, replica and retry leave nothing lost, nothing done twice, every answer true', () => {
  let run: FaultsRun | undefined;
  let failure: Error | undefined;

  beforeAll(async () => {
    try {
      run = await runFaults();
    } catch (error) {
      failure = error as Error;
    }
  }, 20 * 60_000);
  afterAll(() => run?.platform.stop(), 120_000);

  const checks = [
    'every phase ran to its end',
    'the pipeline drained: relay and consumer lag 0 after the load',
    'every write was decided once its fault was cleared',
    "every accepted command's events exist exactly once; a refused one stored nothing",
    'every client that got a 2xx finds its record',
    'no idempotency key stuck in progress',
    'the relay published every event, and only those',
    "every integration event's effect exists exactly once downstream",
    'no budget overspent',
    'no grant or claim paid twice',
    'every poison message is in its DLQ, bytes unchanged, and changed no state',
    'hash chains and seals verify',
    'no app exited unless the suite killed it',
  ];

  it.each(checks)('%s', (check) => {
    if (failure) throw failure;
    const verdict = run?.report.oracle.find((o) => o.check === check);
    expect(verdict).toBeDefined();
    expect({ check, problems: verdict?.problems, more: verdict?.more }).toEqual({
      check,
      problems: [],
      more: 0,
    });
  });

  it('loaded every phase: writes accepted in each, approvals racing for the budget', () => {
    if (failure || !run) throw failure ?? new Error('the run did not start');
    const { phases, writes } = run.report;
    for (const p of phases)
      expect({ phase: p.name, accepted: p.accepted > 0 }).toEqual({ phase: p.name, accepted: true });
    expect(Object.keys(writes.rejected).some((k) => k.includes('BUDGET_EXHAUSTED'))).toBe(true);
  });
});
