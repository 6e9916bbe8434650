import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FaultsReport } from '@union/testing';
import { writeBenchmarkSection } from './benchmarks-md';

// Renders the `faults` section of BENCHMARKS.md from bench/results/faults.json, which
// `npm run test:faults` writes (and then runs this). Run it alone to re-render from the json.

const cell = (v: number | null | undefined, unit = '') =>
  v === null || v === undefined ? '–' : `${v}${unit}`;

/** The section's body: what ran, the phase table, the oracle's verdicts. */
export function markdown(r: FaultsReport): string {
  const rejected =
    Object.entries(r.writes.rejected)
      .map(([code, n]) => `${n} ${code}`)
      .join(', ') || 'none';
  const lines = [
    `Fault injection: the four apps as separate processes on the suite's own PostgreSQL cluster and Kafka broker, ${r.clients} clients through the gateway (cases with assistance, medical-aid claims paid, grant approvals racing for a budget of four), every write retried with its Idempotency-Key; ${r.seconds} s on ${r.machine.cpus} CPUs (load ${r.machine.loadAverage.join(' / ')}).`,
    '',
    `Writes: ${r.writes.total} logical writes, ${r.writes.accepted} accepted (${r.writes.answeredFromWrites ?? 0} of them retries answered with the committed writes, their first answer lost), rejected by a rule: ${rejected}; ${r.writes.undecided} never decided. Messages the relay sent twice: ${r.topicDuplicates}.`,
    '',
    '| phase | requests accepted | refused (retried) | rejected by a rule | NOT_ELIGIBLE while Kafka lags (retried) | recovery s | pipeline recovery s | peak relay lag | peak consumer lag | duplicates absorbed (inbox) | idempotency-key replays | unbidden exits |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...r.phases.map(
      (p) =>
        `| ${p.name} | ${p.accepted} | ${p.refused} | ${p.rejected} | ${p.notYetEligible} | ${cell(p.recoveryS)} | ${cell(p.pipelineRecoveryS)} | ${cell(p.peakRelayLag)} | ${cell(p.peakConsumerLag)} | ${p.inboxDuplicates}${p.redelivered !== undefined ? ` (${p.redelivered} redelivered)` : ''} | ${p.idempotencyReplays} | ${p.unbiddenExits} |`,
    ),
    '',
    'Requests are HTTP attempts; a refused one (network error, 5xx, 429, "in progress") was retried with the same Idempotency-Key. ' +
      "Recovery is measured from the moment the harness undid the fault (restart issued), so a restarted process's boot is part of it: " +
      'to the first accepted write to an affected service, and to the first sample with relay and consumer lag both back within ' +
      'the baseline phase\'s peaks ("–": the fault cut no writes, or the lags never settled while the load ran). Duplicates absorbed: inbox inserts that found the event ' +
      'already applied (pg_stat_statements); idempotency-key replays: retries answered with the write an earlier, cut-off attempt had committed (the event was recorded before the retry was sent).',
    '',
    '| oracle check | verdict |',
    '|---|---|',
    ...r.oracle.map(
      (o) =>
        `| ${o.check} | ${o.ok ? 'pass' : `**FAIL** (${o.problems.length + o.more}): ${o.problems[0]?.replace(/\|/g, '/') ?? ''}`} |`,
    ),
  ];
  return lines.join('\n');
}

const report = JSON.parse(readFileSync(join(__dirname, 'results', 'faults.json'), 'utf8')) as FaultsReport;
writeBenchmarkSection('faults', report.command, markdown(report), join(__dirname, '..', 'BENCHMARKS.md'));
