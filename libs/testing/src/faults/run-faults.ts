import { startFaultPlatform, type FaultPlatform } from './fault-platform';
import { Ledger, sleep } from './http-client';
import { setUpLoad, startLoad, tokenFor } from './load';
import { budgetProblems, chainProblems, paidTwice } from './oracle-money';
import { downstreamProblems, readTopics, relayProblems, topicDuplicates } from './oracle-pipeline';
import {
  commandEvents,
  eventCountProblems,
  missingRecords,
  replayedRetries,
  stuckKeys,
  undecidedWrites,
} from './oracle-writes';
import { PHASES, runPhases, type PhaseRecord } from './phases';
import { poisonProblems, type Poison } from './poison';
import { phaseFigures, writeReport, type FaultsReport } from './report';
import { Sampler } from './sampler';

export const CLIENTS = Number(process.env.FAULTS_CLIENTS ?? 4);

export interface FaultsRun {
  platform: FaultPlatform;
  report: FaultsReport;
}

const log = (line: string) =>
  process.stdout.write(`[faults ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

/**
 * The whole fault-injection run: boots the platform, drives the load through every phase,
 * waits for the pipeline to drain, runs the oracle and writes the figures. The platform is left
 * running for the caller to stop (its logs are in tmp/faults/logs).
 */
export async function runFaults(): Promise<FaultsRun> {
  const started = Date.now();
  log('booting PostgreSQL, Kafka and the four apps');
  const platform = await startFaultPlatform();
  try {
    return { platform, report: await exercise(platform, started) };
  } catch (error) {
    await platform.stop();
    throw error;
  }
}

async function exercise(platform: FaultPlatform, started: number): Promise<FaultsReport> {
  const ledger = new Ledger(`f${Date.now().toString(36)}`);
  const sampler = new Sampler(platform);
  sampler.start();
  const ctx = await setUpLoad(platform.gatewayUrl, platform.jwtSecret, ledger);
  const load = startLoad(ctx, CLIENTS);
  const poison: Poison[] = [];
  let records: PhaseRecord[] = [];
  try {
    records = await runPhases({ platform, sampler, poison }, log);
  } finally {
    log('stopping the load');
    await load.stop();
  }
  log('waiting for the pipeline to drain');
  const drained = await drain(sampler);
  await sampler.stop();

  log('running the oracle');
  const caseworker = await tokenFor(platform.jwtSecret, 'cw-oracle', ['caseworker']);
  const auditor = await tokenFor(platform.jwtSecret, 'au-oracle', ['auditor']);
  const topics = await readTopics(platform);
  const appended = await commandEvents(platform, ledger);
  const poisonIds = new Set(poison.map((p) => p.eventId));
  const base = platform.gatewayUrl;
  const checks: [string, () => Promise<string[]> | string[]][] = [
    [
      'every phase ran to its end',
      () =>
        records
          .filter((r) => r.error)
          .map((r) => `${r.name}: ${r.error}`)
          .concat(records.length < PHASES.length ? [`${PHASES.length - records.length} phases skipped`] : []),
    ],
    [
      'the pipeline drained: relay and consumer lag 0 after the load',
      () => (drained ? [] : ['lag did not reach 0 within 90 s']),
    ],
    ['every write was decided once its fault was cleared', () => undecidedWrites(ledger)],
    [
      "every accepted command's events exist exactly once; a refused one stored nothing",
      () => eventCountProblems(ledger, appended),
    ],
    ['every client that got a 2xx finds its record', () => missingRecords(base, caseworker, ledger)],
    ['no idempotency key stuck in progress', () => stuckKeys(platform)],
    ['the relay published every event, and only those', () => relayProblems(platform, topics, poisonIds)],
    [
      "every integration event's effect exists exactly once downstream",
      () => downstreamProblems(platform, topics, poisonIds),
    ],
    ['no budget overspent', () => budgetProblems(platform, base, caseworker)],
    ['no grant or claim paid twice', () => paidTwice(platform)],
    [
      'every poison message is in its DLQ, bytes unchanged, and changed no state',
      () => poisonProblems(platform, poison, topics),
    ],
    ['hash chains and seals verify', () => chainProblems(base, auditor)],
    [
      'no app exited unless the suite killed it',
      () =>
        platform
          .processes()
          .flatMap((p) =>
            p.unbidden.map((e) => `${p.id} exited by itself (code ${e.code}, signal ${e.signal})`),
          ),
    ],
  ];
  const oracle: FaultsReport['oracle'] = [];
  for (const [check, run] of checks) {
    let problems: string[];
    try {
      problems = await run();
    } catch (error) {
      problems = [`the check itself failed: ${(error as Error).message}`];
    }
    oracle.push({
      check,
      ok: problems.length === 0,
      problems: problems.slice(0, 25),
      more: Math.max(0, problems.length - 25),
    });
    log(
      `${problems.length === 0 ? 'pass' : 'FAIL'} ${check}${problems.length ? `: ${problems.length} problems, first: ${problems[0]}` : ''}`,
    );
  }
  const accepted = ledger.writes.filter((w) => w.outcome === 'accepted').length;
  const rejected: Record<string, number> = {};
  for (const w of ledger.writes.filter((x) => x.outcome === 'rejected')) {
    const code = `${w.op} ${w.code ?? w.status}`;
    rejected[code] = (rejected[code] ?? 0) + 1;
  }
  return writeReport({
    seconds: Math.round((Date.now() - started) / 1000),
    clients: CLIENTS,
    writes: {
      total: ledger.writes.length,
      accepted,
      answeredFromWrites: ledger.writes.filter(
        (w) => w.outcome === 'accepted' && w.body.outcome === 'committed',
      ).length,
      rejected,
      undecided: undecidedWrites(ledger).length,
    },
    topicDuplicates: topicDuplicates(topics),
    phases: phaseFigures(
      records,
      ledger,
      sampler.samples,
      platform.processes(),
      replayedRetries(ledger, appended),
    ),
    oracle,
  });
}

/** Waits until two samples in a row show relay and consumer lag 0 (at most 90 s). */
async function drain(sampler: Sampler): Promise<boolean> {
  const deadline = Date.now() + 90_000;
  let calm = 0;
  while (Date.now() < deadline) {
    const [relay, consumer] = await Promise.all([sampler.relayLag(), sampler.consumerLag()]);
    calm = relay === 0 && consumer === 0 ? calm + 1 : 0;
    if (calm >= 2) return true;
    await sleep(1000);
  }
  return false;
}
