import { randomUUID } from 'node:crypto';
import { dlqTopic, HEADERS, TOPICS } from '@union/contracts';
import { SERVICES, type FaultPlatform, type ServiceName } from './fault-platform';
import { withClient } from './postgres-cluster';
import { CONSUMES } from './sampler';
import type { TopicMessage } from './kafka-broker';

/** A message no consumer may apply: it must end up in `<topic>.dlq`, bytes unchanged, and change nothing. */
export interface Poison {
  topic: string;
  eventId: string;
  what: string;
  value: Buffer;
}

/**
 * Produces poison onto every topic, aimed at real people and cases so that a consumer that
 * applied one would visibly corrupt state: bytes that are not JSON, a HardshipCaseClosed without
 * personRef, a case opened in tier 'platinum', payments with amounts that are not whole fen.
 */
export async function producePoison(platform: FaultPlatform): Promise<Poison[]> {
  const real = await withClient(platform.databaseUrls['hardship-cases'], async (c) => {
    const rows = await c.query<{ person_ref: string; case_id: string }>(
      `SELECT person_ref, data->>'caseId' AS case_id FROM events WHERE type = 'HardshipCaseOpened' ORDER BY global_position LIMIT 1`,
    );
    return rows.rows[0];
  });
  if (!real) throw new Error('no hardship case to aim the poison at');
  const { person_ref: personRef, case_id: caseId } = real;
  const json = (v: unknown) => Buffer.from(JSON.stringify(v));
  const poison: (Omit<Poison, 'eventId'> & { type: string; source: string })[] = [
    {
      topic: TOPICS.hardshipCases,
      type: 'HardshipCaseOpened',
      source: 'hardship-cases',
      what: 'bytes that are not JSON',
      value: Buffer.from([0x7b, 0xff, 0x00, 0x6e, 0x6f]),
    },
    {
      topic: TOPICS.hardshipCases,
      type: 'HardshipCaseClosed',
      source: 'hardship-cases',
      what: 'HardshipCaseClosed without personRef',
      value: json({ caseId, reason: 'moved_away' }),
    },
    {
      topic: TOPICS.hardshipCases,
      type: 'HardshipCaseOpened',
      source: 'hardship-cases',
      what: "HardshipCaseOpened in tier 'platinum'",
      value: json({
        personRef,
        caseId: randomUUID(),
        unitId: 'u-faults',
        regionCode: '110105',
        tier: 'platinum',
        openedOn: '2026-01-01',
      }),
    },
    {
      topic: TOPICS.educationGrants,
      type: 'GrantDisbursed',
      source: 'education-grants',
      what: 'bytes that are not JSON',
      value: Buffer.from('GrantDisbursed: 2000 yuan'),
    },
    {
      topic: TOPICS.educationGrants,
      type: 'GrantDisbursed',
      source: 'education-grants',
      what: 'GrantDisbursed of -200000 fen',
      value: json({
        personRef,
        applicationId: randomUUID(),
        campaignId: randomUUID(),
        studentPersonRef: personRef,
        level: 'senior_high',
        amountFen: -200_000,
        paidOn: '2026-01-01',
      }),
    },
    {
      topic: TOPICS.medicalAidClaims,
      type: 'ClaimPaid',
      source: 'medical-aid',
      what: 'bytes that are not JSON',
      value: Buffer.from([0xde, 0xad, 0xbe, 0xef]),
    },
    {
      topic: TOPICS.medicalAidClaims,
      type: 'ClaimPaid',
      source: 'medical-aid',
      what: 'ClaimPaid of 12.5 fen without claimId',
      value: json({
        personRef,
        periodId: randomUUID(),
        unitId: 'u-faults',
        outOfPocketFen: 100,
        payoutFen: 12.5,
        paidOn: '2026-01-01',
      }),
    },
  ];
  const out: Poison[] = [];
  for (const p of poison) {
    const eventId = randomUUID();
    await platform.kafka.produce(p.topic, [
      {
        key: personRef,
        value: p.value,
        headers: {
          [HEADERS.eventId]: eventId,
          [HEADERS.eventType]: p.type,
          [HEADERS.eventVersion]: '1',
          [HEADERS.correlationId]: `poison-${eventId}`,
          [HEADERS.causationId]: eventId,
          [HEADERS.source]: p.source,
          [HEADERS.occurredAt]: new Date().toISOString(),
        },
      },
    ]);
    out.push({ topic: p.topic, eventId, what: p.what, value: p.value });
  }
  return out;
}

/** The services whose consumers read `topic`, each of which must dead-letter its poison. */
export const consumersOf = (topic: string): ServiceName[] =>
  SERVICES.filter((s) => CONSUMES[s].includes(topic));

/**
 * What is wrong with the poison's handling: each one in `<topic>.dlq` once per consuming service
 * (named in failed-consumer), with the bytes as produced, and no trace of it in any service.
 */
export async function poisonProblems(
  platform: FaultPlatform,
  poison: Poison[],
  dlq: Map<string, TopicMessage[]>,
): Promise<string[]> {
  const problems: string[] = [];
  for (const p of poison) {
    const copies = (dlq.get(dlqTopic(p.topic)) ?? []).filter((m) => m.headers[HEADERS.eventId] === p.eventId);
    for (const s of consumersOf(p.topic)) {
      const mine = copies.filter((m) => (m.headers[HEADERS.failedConsumer] ?? '').startsWith(`${s}:`));
      if (mine.length === 0) problems.push(`${p.topic} ${p.what}: not in ${dlqTopic(p.topic)} for ${s}`);
      for (const m of mine)
        if (!m.value || !m.value.equals(p.value))
          problems.push(
            `${p.topic} ${p.what}: the ${s} DLQ copy is ${JSON.stringify(m.value?.toString('latin1'))}, not the bytes produced`,
          );
    }
  }
  const ids = poison.map((p) => p.eventId);
  for (const s of SERVICES) {
    const traces = await withClient(platform.databaseUrls[s], async (c) => {
      const inbox = await c.query<{ event_id: string }>(
        `SELECT event_id FROM inbox WHERE event_id = ANY($1)`,
        [ids],
      );
      const events = await c.query<{ type: string; cause: string }>(
        `SELECT type, coalesce(data->>'sourceEventId', metadata->>'causationId') AS cause FROM events
         WHERE data->>'sourceEventId' = ANY($1) OR metadata->>'causationId' = ANY($1)`,
        [ids],
      );
      return [
        ...inbox.rows.map((r) => `inbox row ${r.event_id}`),
        ...events.rows.map((r) => `${r.type} caused by ${r.cause}`),
      ];
    });
    for (const t of traces) problems.push(`${s} kept a trace of poison: ${t}`);
  }
  return problems;
}
