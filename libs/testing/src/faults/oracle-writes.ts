import { SERVICES, type FaultPlatform } from './fault-platform';
import { createdId, get, type Ledger, type Write } from './http-client';
import { withClient } from './postgres-cluster';

/**
 * Every write was decided: once the faults were cleared, retrying with the same key reached an
 * answer (a write still refused after 90 s, e.g. a key stuck "in progress", was never decided).
 */
export function undecidedWrites(ledger: Ledger): string[] {
  return ledger.writes
    .filter((w) => w.outcome === 'gave-up')
    .map((w) => `${w.op} ${w.key}: still ${w.status} ${w.code ?? ''} after ${w.attempts.length} attempts`);
}

/** Per write (`service|key|type`): how many events of that type carry its key, and when the first was recorded. */
export type CommandEvents = Map<string, { n: number; first: number }>;
const eventsKey = (w: Write) => `${w.service}|${w.key}|${w.expects}`;

/** The events the load's writes appended, found by the client's correlation id in each service's log. */
export async function commandEvents(platform: FaultPlatform, ledger: Ledger): Promise<CommandEvents> {
  const counts: CommandEvents = new Map();
  for (const s of SERVICES) {
    await withClient(platform.databaseUrls[s], async (c) => {
      // The client's x-correlation-id is the correlation id, or (once the gateway assigns every
      // correlation id itself) kept beside it as clientCorrelationId.
      const rows = await c.query<{ cid: string; type: string; n: number; first: Date }>(
        `SELECT cid, type, count(*)::int AS n, min(recorded_at) AS first FROM
           (SELECT coalesce(metadata->>'clientCorrelationId', metadata->>'correlationId') AS cid, type, recorded_at FROM events) e
         WHERE cid LIKE $1 GROUP BY 1, 2`,
        [`${ledger.runId}.%`],
      );
      for (const r of rows.rows) counts.set(`${s}|${r.cid}|${r.type}`, { n: r.n, first: r.first.getTime() });
    });
  }
  return counts;
}

/**
 * Every accepted command's events exist exactly once, and a refused one stored nothing: per
 * write, the events of its command type carrying its key as the client's correlation id,
 * counted in the log of the service that took it.
 */
export function eventCountProblems(ledger: Ledger, counts: CommandEvents): string[] {
  const problems: string[] = [];
  for (const w of ledger.writes) {
    if (w.outcome === 'gave-up') continue; // undecided: reported by undecidedWrites
    const n = counts.get(eventsKey(w))?.n ?? 0;
    const want = w.outcome === 'accepted' ? 1 : 0;
    if (n !== want)
      problems.push(
        `${w.op} ${w.key} answered ${w.status}${w.code ? ` ${w.code}` : ''}: ${n} ${w.expects} events (want ${want})`,
      );
  }
  return problems;
}

/**
 * Duplicates absorbed by the idempotency keys: accepted retries sent after their command's event
 * was already recorded, i.e. answered with what an earlier, cut-off attempt had committed. The
 * times of those final attempts.
 */
export function replayedRetries(ledger: Ledger, counts: CommandEvents): number[] {
  return ledger.writes.flatMap((w) => {
    const last = w.attempts[w.attempts.length - 1];
    const first = counts.get(eventsKey(w))?.first;
    return w.outcome === 'accepted' && w.attempts.length > 1 && first !== undefined && first < last.at
      ? [last.at]
      : [];
  });
}

/**
 * No idempotency key stuck once the load has stopped: none held without an answer and without
 * the writes of a committed attempt (a claim "in progress" that nothing will finish). Where keys
 * record their writes (`outcome`), a key with writes but no answer is not stuck: a retry is
 * answered from the writes.
 */
export async function stuckKeys(platform: FaultPlatform): Promise<string[]> {
  const problems: string[] = [];
  for (const s of SERVICES) {
    await withClient(platform.databaseUrls[s], async (c) => {
      const columns = await c.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'idempotency'`,
      );
      const recordsWrites = columns.rows.some((r) => r.column_name === 'outcome');
      const rows = await c.query<{ scope: string; key: string }>(
        `SELECT scope, key FROM idempotency WHERE status IS NULL${recordsWrites ? ` AND outcome = '[]'::jsonb` : ''}`,
      );
      for (const r of rows.rows) problems.push(`${s}: ${r.scope} ${r.key} in progress`);
    });
  }
  return problems;
}

/**
 * Every client that got a 2xx finds its record through the gateway, in the state its accepted
 * writes left it: the case with its assistance, the membership, the claim and the application
 * as far as they got, the period and the campaigns.
 */
export async function missingRecords(base: string, token: string, ledger: Ledger): Promise<string[]> {
  const ok = ledger.writes.filter((w) => w.outcome === 'accepted');
  const by = (op: string) => ok.filter((w) => w.op === op);
  const checks: { what: string; path: string; expect: (b: Record<string, unknown>) => boolean }[] = [];
  // Each case gets one assistance; its id is unknown when the answer was the committed writes.
  const assisted = new Map(
    by('assist').map((w) => [
      w.path.split('/')[3],
      typeof w.body.assistanceId === 'string' ? w.body.assistanceId : undefined,
    ]),
  );
  for (const w of by('open-case')) {
    const caseId = createdId(w, 'caseId', 'case');
    const assistance = assisted.has(caseId ?? '') ? [assisted.get(caseId ?? '')] : [];
    checks.push({
      what: `case ${caseId}`,
      path: `/hardship/cases/${caseId}`,
      expect: (b) => {
        const shown = ((b.assistance as { assistanceId: string }[] | undefined) ?? []).map(
          (a) => a.assistanceId,
        );
        return (
          shown.length === assistance.length &&
          assistance.every((id) => id === undefined || shown.includes(id))
        );
      },
    });
  }
  for (const w of by('enroll')) {
    const { members } = w.sent as { members: { idNumber: string }[] };
    checks.push({
      what: `membership ${w.key}`,
      path: `${w.path.replace('/enrollments', '')}/members/${members[0].idNumber}`,
      expect: () => true,
    });
  }
  const furthest = (ops: [string, string][], id: (w: Write) => string, base: string) => {
    const status = new Map<string, string>();
    for (const [op, s] of ops) for (const w of by(op)) status.set(id(w), s);
    for (const [recordId, s] of status)
      checks.push({
        what: `${base} ${recordId} ${s}`,
        path: `${base}/${recordId}`,
        expect: (b) => b.status === s,
      });
  };
  const idFromPath = (w: Write) => w.path.split('/')[3];
  const created = (w: Write) =>
    String(createdId(w, 'claimId', 'claim') ?? createdId(w, 'applicationId', 'application'));
  furthest([['claim', 'submitted']], created, '/medical-aid/claims');
  furthest(
    [
      ['approve-claim', 'approved'],
      ['pay-claim', 'paid'],
    ],
    idFromPath,
    '/medical-aid/claims',
  );
  furthest([['apply', 'submitted']], created, '/grants/applications');
  furthest(
    [
      ['approve-grant', 'approved'],
      ['disburse', 'disbursed'],
    ],
    idFromPath,
    '/grants/applications',
  );
  for (const w of by('open-campaign'))
    checks.push({
      what: `campaign`,
      path: `/grants/campaigns/${createdId(w, 'campaignId', 'campaign')}`,
      expect: () => true,
    });
  for (const w of by('open-period'))
    checks.push({
      what: `period`,
      path: `/medical-aid/periods/${createdId(w, 'periodId', 'period')}`,
      expect: () => true,
    });

  // A later step overrides the status a created record is expected in.
  const last = new Map<string, (typeof checks)[number]>();
  for (const c of checks) last.set(c.path, c);
  const problems: string[] = [];
  const queue = [...last.values()];
  await Promise.all(
    Array.from({ length: 6 }, async () => {
      for (let c = queue.shift(); c; c = queue.shift()) {
        const r = await get(base, token, c.path);
        if (r.status !== 200) problems.push(`${c.what}: GET ${c.path} answered ${r.status}`);
        else if (!c.expect(r.body))
          problems.push(`${c.what}: GET ${c.path} shows ${JSON.stringify(r.body).slice(0, 200)}`);
      }
    }),
  );
  return problems;
}
