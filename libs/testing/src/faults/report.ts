import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { AppProcess } from './app-process';
import { ROOT, type ServiceName } from './fault-platform';
import type { Ledger } from './http-client';
import type { PhaseRecord } from './phases';
import type { Sample } from './sampler';

/** The figures of one phase, from the ledger's attempts and the sampler's samples in its window. */
export interface PhaseFigures {
  name: string;
  fault: string;
  seconds: number;
  /** HTTP attempts answered 2xx, refused (network error, 5xx, 429, "in progress": retried), rejected by a rule (4xx). */
  accepted: number;
  refused: number;
  rejected: number;
  /** Grant applications answered NOT_ELIGIBLE because grants had not yet learned the case from Kafka (retried). */
  notYetEligible: number;
  /** From the fault cleared (restart issued) to the first accepted write of an affected service. */
  recoveryS: number | null;
  /**
   * From the fault cleared to the first sample with relay and consumer lag both back to the
   * steady state: at most the baseline phase's peaks (0 without a baseline), since under a steady
   * load the lags are rarely 0 at the same instant.
   */
  pipelineRecoveryS: number | null;
  peakRelayLag: number | null;
  peakConsumerLag: number | null;
  /** Deliveries the inboxes found already applied (pg_stat_statements). */
  inboxDuplicates: number;
  /** Retries answered with the write an earlier, cut-off attempt had committed. */
  idempotencyReplays: number;
  redelivered?: number;
  unbiddenExits: number;
}

export interface Verdict {
  check: string;
  problems: string[];
}

const s = (ms: number) => Math.round(ms / 100) / 10;
const max = (xs: (number | null)[]) =>
  xs.some((x) => x !== null) ? Math.max(...xs.map((x) => x ?? 0)) : null;

/** The figures of each phase of the run. */
export function phaseFigures(
  records: PhaseRecord[],
  ledger: Ledger,
  samples: Sample[],
  processes: AppProcess[],
  replays: number[] = [],
): PhaseFigures[] {
  const attempts = ledger.writes.flatMap((w) => w.attempts.map((a) => ({ ...a, service: w.service })));
  const counterAt = (t: number, pick: (x: Sample) => number) => {
    const before = samples.filter((x) => x.at <= t);
    return before.length ? pick(before[before.length - 1]) : 0;
  };
  const baseline = records.find((r) => r.fault === 'none');
  const steady = (pick: (x: Sample) => number | null) =>
    baseline
      ? (max(samples.filter((x) => x.at >= baseline.start && x.at <= baseline.end).map(pick)) ?? 0)
      : 0;
  const [steadyRelay, steadyConsumer] = [steady((x) => x.relayLag), steady((x) => x.consumerLag)];
  const settled = (x: Sample) =>
    x.relayLag !== null &&
    x.consumerLag !== null &&
    x.relayLag <= steadyRelay &&
    x.consumerLag <= steadyConsumer;
  return records.map((r) => {
    const mine = attempts.filter((a) => a.at >= r.start && a.at < r.end);
    const refused = mine.filter((a) => a.refused);
    const accepted = mine.filter((a) => a.status >= 200 && a.status < 300);
    const notYetEligible = mine.filter((a) => a.code === 'NOT_ELIGIBLE').length;
    const within = samples.filter((x) => x.at >= r.start && x.at <= r.end);
    const affected = (service: ServiceName) => r.affects.includes(service);
    // A fault that cuts no writes (broker, poison) recovers when the pipeline does.
    const cleared = r.cleared;
    const cutsWrites = r.affects.length > 0;
    const firstOk =
      cleared === undefined || !cutsWrites
        ? undefined
        : attempts
            .filter((a) => a.status >= 200 && a.status < 300 && a.at >= cleared && affected(a.service))
            .map((a) => a.at + a.ms)
            .sort((a, b) => a - b)[0];
    const calm = cleared === undefined ? undefined : samples.find((x) => x.at >= cleared && settled(x));
    return {
      name: r.name,
      fault: r.fault,
      seconds: s(r.end - r.start),
      accepted: accepted.length,
      refused: refused.length,
      rejected: mine.length - accepted.length - refused.length - notYetEligible,
      notYetEligible,
      recoveryS: firstOk === undefined || cleared === undefined ? null : s(firstOk - cleared),
      pipelineRecoveryS: calm && cleared !== undefined ? s(calm.at - cleared) : null,
      peakRelayLag: max(within.map((x) => x.relayLag)),
      peakConsumerLag: max(within.map((x) => x.consumerLag)),
      inboxDuplicates:
        counterAt(r.end, (x) => x.inboxDuplicates) - counterAt(r.start, (x) => x.inboxDuplicates),
      idempotencyReplays: replays.filter((t) => t >= r.start && t < r.end).length,
      ...(r.redelivered !== undefined && { redelivered: r.redelivered }),
      unbiddenExits: processes.flatMap((p) => p.unbidden).filter((e) => e.at >= r.start && e.at < r.end)
        .length,
    };
  });
}

export interface FaultsReport {
  generatedAt: string;
  command: string;
  machine: { cpus: number; loadAverage: number[] };
  seconds: number;
  clients: number;
  writes: {
    total: number;
    accepted: number;
    /** Accepted retries answered with the committed writes: the first answer was lost, not the write. */
    answeredFromWrites: number;
    rejected: Record<string, number>;
    undecided: number;
  };
  topicDuplicates: number;
  phases: PhaseFigures[];
  oracle: { check: string; ok: boolean; problems: string[]; more: number }[];
}

/**
 * Writes bench/results/faults.json, then has bench/faults-section.ts render the `faults` section
 * of BENCHMARKS.md from that file (so the figures there are the json's, never typed by hand).
 */
export function writeReport(report: Omit<FaultsReport, 'generatedAt' | 'command' | 'machine'>): FaultsReport {
  const full: FaultsReport = {
    generatedAt: new Date().toISOString(),
    command: 'npm run test:faults',
    machine: { cpus: cpus().length, loadAverage: loadavg().map((l) => Math.round(l * 10) / 10) },
    ...report,
  };
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'faults.json'), `${JSON.stringify(full, null, 2)}\n`);
  execFileSync(process.execPath, ['-r', './tools/register.js', 'bench/faults-section.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  return full;
}
