import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { HEADERS, ORG_TREE_KEY, TOPICS } from '@union/contracts';
import { idNumberWithCheckChar } from '@union/kernel';
import { signDevToken } from '@union/platform';
import { startCluster, type Cluster } from '@union/testing';

/**
 * The pipe on real infrastructure (`npm run test:e2e`): the gateway and the four services as
 * five processes, each service on its own PostgreSQL database, talking through the Kafka broker
 * at KAFKA_BROKERS (default 127.0.0.1:9092). Driven through the gateway only.
 */
describe('the pipe on real PostgreSQL and Kafka (five processes)', () => {
  let cluster: Cluster;
  let token: string;
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const admin = new Kafka({ clientId: 'e2e-pipe', brokers, logLevel: logLevel.NOTHING }).admin();

  beforeAll(async () => {
    await admin.connect().catch((error: unknown) => {
      throw new Error(
        `Kafka is not reachable at ${brokers.join(',')}: run npm run kafka:start (${String(error)})`,
      );
    });
    cluster = await startCluster('pipe');
    token = await signDevToken(
      cluster.jwtSecret,
      { sub: 'cw-e2e', roles: ['caseworker'], units: ['u-e2e'] },
      600,
    );
  });
  afterAll(async () => {
    await cluster?.stop();
    await admin.disconnect();
  });

  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${cluster.gatewayUrl}/api/v1${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...(init.headers ?? {}),
      },
    });
  const topicEnd = async () =>
    (await admin.fetchTopicOffsets(TOPICS.hardshipCases)).reduce((sum, p) => sum + Number(p.high), 0);

  // 90 s: on a broker started moments before (the first suite of a CI run), a new consumer group
  // can wait tens of seconds for its coordinator ("coordinator is loading") before it receives
  // anything; the messages wait on the topic meanwhile, nothing is lost.
  async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 90_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await read();
      if (ok(value)) return value;
      if (Date.now() > deadline)
        throw new Error(`not reached in ${ms} ms; last value ${JSON.stringify(value)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('carries a case opening and closing from hardship-cases to both eligibility projections', async () => {
    const idNumber = idNumberWithCheckChar(`11010519850612${String(Date.now()).slice(-3)}`);
    const before = await topicEnd();
    const opened = await api('/hardship/cases', {
      method: 'POST',
      body: JSON.stringify({
        person: { idNumber, name: '赵敏' },
        unitId: 'u-e2e',
        regionCode: '120101',
        household: { size: 2, monthlyIncomeFen: 200000 },
        causes: ['illness'],
        channel: 'hotline_12351',
        consent: { documentRef: '工帮授〔2026〕0001号', signedOn: '2026-01-05' },
      }),
    });
    expect(opened.status).toBe(201);
    const kase = (await opened.json()) as { caseId: string; tier: string; version: number };
    expect(kase).toMatchObject({ tier: 'relative', version: 1 });

    // The relay wrote the event to the Kafka topic…
    await eventually(topicEnd, (end) => end >= before + 1);
    // …and both consumers projected it into their own databases.
    const eligibility = (prefix: string) => async () =>
      (await (await api(`/${prefix}/eligibility/${idNumber}`)).json()) as {
        hasOpenCase: boolean;
        tier: string | null;
      };
    expect(await eventually(eligibility('grants'), (e) => e.hasOpenCase)).toMatchObject({ tier: 'relative' });
    expect(await eventually(eligibility('medical-aid'), (e) => e.hasOpenCase)).toMatchObject({
      tier: 'relative',
    });

    const closed = await api(`/hardship/cases/${kase.caseId}/close`, {
      method: 'POST',
      headers: { 'if-match': '"1"' },
      body: JSON.stringify({ reason: 'declined' }),
    });
    expect(closed.status).toBe(200);
    await eventually(eligibility('grants'), (e) => !e.hasOpenCase);
    await eventually(eligibility('medical-aid'), (e) => !e.hasOpenCase);
    expect(await topicEnd()).toBeGreaterThanOrEqual(before + 2);

    // Each of the case's events reached the grants consumer's inbox, in its own database.
    const query = async (service: keyof Cluster['databaseUrls'], sql: string, params: unknown[]) => {
      const db = new Client({ connectionString: cluster.databaseUrls[service] });
      await db.connect();
      try {
        return (await db.query(sql, params)).rows as { event_id: string }[];
      } finally {
        await db.end();
      }
    };
    const published = await query(
      'hardship-cases',
      `SELECT event_id::text FROM events WHERE stream_id = $1 ORDER BY version`,
      [`case-${kase.caseId}`],
    );
    const received = await query('education-grants', `SELECT event_id FROM inbox WHERE event_id = ANY($1)`, [
      published.map((r) => r.event_id),
    ]);
    expect(published).toHaveLength(2);
    expect(received.map((r) => r.event_id).sort()).toEqual(published.map((r) => r.event_id).sort());
  });

  it('starts the organisation service, and publishes a node created through the gateway on organisation.units.v1, keyed by the tree', async () => {
    const adminToken = await signDevToken(
      cluster.jwtSecret,
      { sub: 'admin-e2e', roles: ['admin'], units: ['*'] },
      600,
    );
    const created = await api('/org/units', {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ orgId: 'ha', name: '河南省总工会', level: 'province', regionCode: '410000' }),
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ orgId: 'ha', path: ['ha'], version: 1, status: 'active' });
    // Every role reads the tree (the caseworker's token here).
    expect(await (await api('/org/units/ha?depth=1')).json()).toMatchObject({ orgId: 'ha', children: [] });

    const db = new Client({ connectionString: cluster.databaseUrls.organisation });
    await db.connect();
    const [stored] = (
      await db.query<{ event_id: string }>(`SELECT event_id::text FROM events WHERE stream_id = 'org-ha'`)
    ).rows;
    await db.end();
    const seen: { key: string; type: string; value: unknown }[] = [];
    const consumer = new Kafka({ clientId: 'e2e-org', brokers, logLevel: logLevel.NOTHING }).consumer({
      groupId: `e2e-org-${Date.now()}`,
    });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: TOPICS.organisationUnits, fromBeginning: true });
      await consumer.run({
        eachMessage: ({ message }) => {
          if (message.headers?.[HEADERS.eventId]?.toString() === stored.event_id)
            seen.push({
              key: message.key?.toString() ?? '',
              type: message.headers[HEADERS.eventType]?.toString() ?? '',
              value: JSON.parse(message.value?.toString() ?? 'null'),
            });
          return Promise.resolve();
        },
      });
      await eventually(
        () => Promise.resolve(seen.length),
        (n) => n > 0,
        60_000,
      );
    } finally {
      await consumer.disconnect();
    }
    expect(seen).toEqual([
      {
        key: ORG_TREE_KEY,
        type: 'OrgUnitCreated',
        value: { orgId: 'ha', name: '河南省总工会', level: 'province', parentId: '', regionCode: '410000' },
      },
    ]);
  });
  // The hop (only the gateway reaches a service; services bind to loopback) is in apps/standalone/src/security.e2e.spec.ts.
});
