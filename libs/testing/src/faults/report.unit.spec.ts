import type { AppProcess } from './app-process';
import { isRefusal, Ledger, type Attempt, type Write } from './http-client';
import type { PhaseRecord } from './phases';
import { phaseFigures } from './report';
import type { Sample } from './sampler';

const attempt = (at: number, status: number, code?: string): Attempt => ({
  at,
  ms: 10,
  status,
  code,
  refused: isRefusal(
    status,
    code,
    code === 'CONFLICT' ? 'A request with this Idempotency-Key is still being handled' : '',
  ),
});

function ledgerWith(writes: Partial<Write>[]): Ledger {
  const ledger = new Ledger('t');
  for (const w of writes)
    ledger.writes.push({
      op: 'x',
      service: 'hardship-cases',
      expects: 'X',
      key: 'k',
      path: '/',
      sent: {},
      attempts: [],
      outcome: 'accepted',
      status: 200,
      body: {},
      ...w,
    });
  return ledger;
}

const sample = (
  at: number,
  relayLag: number | null,
  consumerLag: number | null,
  inboxDuplicates = 0,
): Sample => ({
  at,
  relayLag,
  consumerLag,
  inboxDuplicates,
});

describe('fault-injection figures', () => {
  it('tells a refusal (the platform did not decide) from an answer', () => {
    expect([0, 502, 503, 429].map((s) => isRefusal(s))).toEqual([true, true, true, true]);
    expect(
      isRefusal(
        409,
        'CONFLICT',
        'A request with this Idempotency-Key is still being handled; retry shortly.',
      ),
    ).toBe(true);
    expect(isRefusal(409, 'VERSION_CONFLICT')).toBe(true);
    expect(isRefusal(409, 'BUDGET_EXHAUSTED')).toBe(false);
    expect(isRefusal(409, 'CONFLICT', 'Claim c-1 already exists.')).toBe(false);
    expect(isRefusal(422, 'NOT_ELIGIBLE')).toBe(false);
  });

  it('counts a phase from its own window and measures recovery from the moment the fault was cleared', () => {
    const phase: PhaseRecord = {
      name: 'kill',
      fault: 'k',
      affects: ['hardship-cases'],
      start: 1000,
      injected: 1100,
      cleared: 3000,
      end: 9000,
    };
    const ledger = ledgerWith([
      { attempts: [attempt(900, 201)] }, // before the phase
      { attempts: [attempt(1200, 0), attempt(2000, 503), attempt(4000, 201)] },
      { service: 'medical-aid', attempts: [attempt(3100, 200)] }, // not the affected service
      { attempts: [attempt(5000, 409, 'BUDGET_EXHAUSTED'), attempt(5100, 422, 'NOT_ELIGIBLE')] },
    ]);
    const samples = [
      sample(1500, 3, 9, 2),
      sample(3500, 0, 4, 2),
      sample(6000, 0, 0, 7),
      sample(9500, 0, 0, 9),
    ];
    const [f] = phaseFigures([phase], ledger, samples, [] as AppProcess[], [500, 4000]);
    expect(f).toMatchObject({
      accepted: 2,
      refused: 2,
      rejected: 1,
      notYetEligible: 1,
      recoveryS: 1, // 4000 + 10 ms answer - 3000
      pipelineRecoveryS: 3, // the 6000 sample
      peakRelayLag: 3,
      peakConsumerLag: 9,
      inboxDuplicates: 7, // counter at the phase's end (7) minus at its start (0)
      idempotencyReplays: 1, // the one at 4000
    });
  });

  it("counts the pipeline recovered once both lags are back within the baseline phase's peaks", () => {
    const baseline: PhaseRecord = { name: 'baseline', fault: 'none', affects: [], start: 0, end: 1000 };
    const broker: PhaseRecord = {
      name: 'broker',
      fault: 'b',
      affects: [],
      start: 1000,
      cleared: 2000,
      end: 5000,
    };
    const samples = [sample(500, 2, 3), sample(2500, 40, 3), sample(3000, 2, 9), sample(4000, 1, 3)];
    const [, f] = phaseFigures([baseline, broker], ledgerWith([]), samples, []);
    expect(f.pipelineRecoveryS).toBe(2); // the 4000 sample: relay 1 <= 2, consumer 3 <= 3
  });

  it('gives no write recovery for a fault that cuts no writes, and none when lag never reached 0', () => {
    const phase: PhaseRecord = { name: 'broker', fault: 'b', affects: [], start: 0, cleared: 100, end: 1000 };
    const [f] = phaseFigures(
      [phase],
      ledgerWith([{ attempts: [attempt(500, 201)] }]),
      [sample(200, 5, null)],
      [],
    );
    expect(f).toMatchObject({
      recoveryS: null,
      pipelineRecoveryS: null,
      peakRelayLag: 5,
      peakConsumerLag: null,
    });
  });
});
