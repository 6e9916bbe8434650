import {
  ALL_TOPICS,
  dlqTopic,
  evolveEligibility,
  HEADERS,
  TOPICS,
  type HardshipEligibility,
  type HardshipIntegrationEvent,
} from '@union/contracts';
import { SERVICES, type FaultPlatform, type ServiceName } from './fault-platform';
import type { TopicMessage } from './kafka-broker';
import { withClient } from './postgres-cluster';
import { PUBLISHES } from './sampler';

/** The stored event types each service's relay publishes (their ids are the messages' event-id). */
const PUBLISHED_TYPES: Record<ServiceName, string[]> = {
  'hardship-cases': [
    'HardshipCaseOpened',
    'HardshipTierChanged',
    'HardshipCaseClosed',
    'HardshipCaseReopened',
  ],
  'education-grants': ['GrantDisbursed'],
  'medical-aid': ['ClaimPaid', 'SeriousIllnessAidGranted', 'HardshipRiskDetected'],
  // The tree: every change is published (the load changes no node, so there are none to check).
  organisation: ['OrgUnitCreated', 'OrgUnitRenamed', 'OrgUnitMoved', 'OrgUnitClosed'],
};

/** Every topic and its DLQ, read whole. */
export async function readTopics(platform: FaultPlatform): Promise<Map<string, TopicMessage[]>> {
  const out = new Map<string, TopicMessage[]>();
  for (const t of ALL_TOPICS.flatMap((t) => [t, dlqTopic(t)])) out.set(t, await platform.kafka.readAll(t));
  return out;
}

const idOf = (m: TopicMessage) => m.headers[HEADERS.eventId] ?? '';

/** Messages on the event topics that repeat an event id already there (a relay batch re-sent). */
export function topicDuplicates(topics: Map<string, TopicMessage[]>): number {
  let n = 0;
  for (const t of ALL_TOPICS) {
    const seen = new Set<string>();
    for (const m of topics.get(t) ?? []) {
      if (seen.has(idOf(m))) n++;
      seen.add(idOf(m));
    }
  }
  return n;
}

/** The relay lost nothing and invented nothing: each published event is on its topic, and only those. */
export async function relayProblems(
  platform: FaultPlatform,
  topics: Map<string, TopicMessage[]>,
  poisonIds: Set<string>,
): Promise<string[]> {
  const problems: string[] = [];
  for (const s of SERVICES) {
    const stored = await withClient(platform.databaseUrls[s], async (c) =>
      (
        await c.query<{ event_id: string }>(`SELECT event_id::text FROM events WHERE type = ANY($1)`, [
          PUBLISHED_TYPES[s],
        ])
      ).rows.map((r) => r.event_id),
    );
    const onTopic = new Set((topics.get(PUBLISHES[s]) ?? []).map(idOf));
    for (const id of stored)
      if (!onTopic.has(id)) problems.push(`${s}: event ${id} never reached ${PUBLISHES[s]}`);
    const known = new Set(stored);
    for (const id of onTopic)
      if (!known.has(id) && !poisonIds.has(id))
        problems.push(`${PUBLISHES[s]}: message ${id} has no event in ${s}`);
  }
  return problems;
}

interface Inboxes {
  has(service: ServiceName, consumer: string, eventId: string): boolean;
}

async function inboxes(platform: FaultPlatform): Promise<Inboxes> {
  const rows = new Set<string>();
  for (const s of SERVICES)
    await withClient(platform.databaseUrls[s], async (c) => {
      for (const r of (
        await c.query<{ consumer: string; event_id: string }>(`SELECT consumer, event_id FROM inbox`)
      ).rows)
        rows.add(`${s}|${r.consumer}|${r.event_id}`);
    });
  return { has: (s, consumer, id) => rows.has(`${s}|${s}:${consumer}|${id}`) };
}

/**
 * Every integration event's effect exists exactly once downstream: each hardship event in the
 * inbox of both eligibility consumers, whose rows equal the fold of the hardship log; each grant
 * disbursed, claim paid and serious-illness aid recorded once on the person's case; each risk
 * taken in by the referral intake.
 */
export async function downstreamProblems(
  platform: FaultPlatform,
  topics: Map<string, TopicMessage[]>,
  poisonIds: Set<string>,
): Promise<string[]> {
  const problems: string[] = [];
  const inbox = await inboxes(platform);
  const messages = (topic: string) => {
    const seen = new Map<string, TopicMessage>();
    for (const m of topics.get(topic) ?? []) if (!poisonIds.has(idOf(m))) seen.set(idOf(m), m);
    return [...seen.values()];
  };
  for (const m of messages(TOPICS.hardshipCases))
    for (const s of ['education-grants', 'medical-aid'] as const)
      if (!inbox.has(s, 'hardship-eligibility', idOf(m)))
        problems.push(`${s} never took in ${m.headers[HEADERS.eventType]} ${idOf(m)}`);
  problems.push(...(await eligibilityProblems(platform)));

  const recorded = await withClient(platform.databaseUrls['hardship-cases'], async (c) => {
    const rows = await c.query<{ source: string; n: number }>(
      `SELECT data->>'sourceEventId' AS source, count(*)::int AS n FROM events WHERE type = 'ExternalAssistanceRecorded' GROUP BY 1`,
    );
    return new Map(rows.rows.map((r) => [r.source, r.n]));
  });
  const payments = [...messages(TOPICS.educationGrants), ...messages(TOPICS.medicalAidClaims)];
  for (const m of payments) {
    const type = m.headers[HEADERS.eventType];
    const consumer = type === 'HardshipRiskDetected' ? 'referrals' : 'external-assistance';
    if (!inbox.has('hardship-cases', consumer, idOf(m)))
      problems.push(`hardship-cases never took in ${type} ${idOf(m)}`);
    // Every household of the load holds an open case before anything is paid to it.
    if (type !== 'HardshipRiskDetected' && recorded.get(idOf(m)) !== 1)
      problems.push(`${type} ${idOf(m)} recorded ${recorded.get(idOf(m)) ?? 0} times on the case (want 1)`);
  }
  return problems;
}

/** Both eligibility projections equal the fold of the hardship service's own log, person by person. */
async function eligibilityProblems(platform: FaultPlatform): Promise<string[]> {
  const expected = await withClient(platform.databaseUrls['hardship-cases'], async (c) => {
    const rows = await c.query<{ type: string; data: Record<string, unknown> }>(
      `SELECT type, data FROM events WHERE stream_type = 'case' AND type = ANY($1) ORDER BY transaction_id, global_position`,
      [PUBLISHED_TYPES['hardship-cases']],
    );
    const byPerson = new Map<string, HardshipEligibility | null>();
    for (const r of rows.rows) {
      const event = { type: r.type, version: 1, data: r.data } as unknown as HardshipIntegrationEvent;
      const ref = event.data.personRef;
      byPerson.set(ref, evolveEligibility(byPerson.get(ref) ?? null, event));
    }
    return byPerson;
  });
  const problems: string[] = [];
  for (const s of ['education-grants', 'medical-aid'] as const) {
    const actual = await withClient(
      platform.databaseUrls[s],
      async (c) =>
        (
          await c.query<{ person_ref: string; case_id: string; open: boolean; tier: string }>(
            `SELECT person_ref, case_id, open, tier FROM hardship_eligibility`,
          )
        ).rows,
    );
    const seen = new Set<string>();
    for (const row of actual) {
      seen.add(row.person_ref);
      const want = expected.get(row.person_ref);
      const same = want && want.caseId === row.case_id && want.open === row.open && want.tier === row.tier;
      if (!same)
        problems.push(
          `${s} eligibility of ${row.person_ref.slice(0, 12)}…: ${JSON.stringify(row)}, log says ${JSON.stringify(want ?? null)}`,
        );
    }
    for (const [ref, want] of expected)
      if (want && !seen.has(ref))
        problems.push(`${s} has no eligibility row for ${ref.slice(0, 12)}… (case ${want.caseId})`);
  }
  return problems;
}
