import { randomUUID } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import { Client } from 'pg';
import { TRAVERSAL_CORPUS, sendRaw } from '@union/gateway/testing';
import { idNumberWithCheckChar } from '@union/kernel';
import { periodBody } from '@union/medical-aid/service/testing';
import {
  assertionPrivateKey,
  GATEWAY_ASSERTION_HEADER,
  signDevToken,
  signGatewayAssertion,
  type Role,
} from '@union/platform';
import { productionSecrets, startCluster, type Cluster } from '@union/testing';
import { bounded, GUARD_MATRIX, runGuardRow } from './testing/production-guards.fixture';

/**
 * Issue 13's security suite, on production-mode processes (no dev login, fresh strong secrets,
 * real PostgreSQL, the Kafka broker at KAFKA_BROKERS): the traversal corpus through the gateway
 * and straight at the services, the hop between them, the production-guard matrix, and the
 * scoping oracles of docs/security-scoping.md.
 */
describe('security on production-mode processes', () => {
  let cluster: Cluster;
  let serial = 0;
  // A person per use, unique per run (the cluster's databases are fresh, Kafka's topics are not).
  const run = Date.now();
  const birth = `${1950 + (run % 50)}${String(1 + (Math.floor(run / 50) % 12)).padStart(2, '0')}${String(1 + (Math.floor(run / 600) % 28)).padStart(2, '0')}`;
  const newIdNumber = () => idNumberWithCheckChar(`110105${birth}${String(++serial).padStart(3, '0')}`);
  const bearer = async (sub: string, role: Role, units: string[]) =>
    `Bearer ${await signDevToken(cluster.jwtSecret, { sub, roles: [role], units }, 600)}`;
  const call = async (
    authorization: string,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const res = await fetch(`${cluster.gatewayUrl}${path}`, {
      method,
      headers: { authorization, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      text,
      body: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
    };
  };
  async function eventually<T>(what: string, read: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await read();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  const caseBody = (unitId: string, idNumber: string) => ({
    person: { idNumber, name: '王建国' },
    unitId,
    regionCode: '110105',
    household: { size: 4, monthlyIncomeFen: 300_000 },
    causes: ['illness'],
    channel: 'walk_in',
    consent: { documentRef: '工帮授〔2026〕0001号', signedOn: '2026-01-05' },
  });
  const openCase = async (unitId: string, idNumber: string, headers: Record<string, string> = {}) => {
    const opened = await call(
      await bearer(`cw-${unitId}`, 'caseworker', [unitId]),
      'POST',
      '/api/v1/hardship/cases',
      caseBody(unitId, idNumber),
      headers,
    );
    expect(opened.status).toBe(201);
    return opened;
  };
  const query = async <R>(service: keyof Cluster['databaseUrls'], sql: string, params: unknown[]) => {
    const db = new Client({ connectionString: cluster.databaseUrls[service] });
    await db.connect();
    try {
      return (await db.query(sql, params)).rows as R[];
    } finally {
      await db.end();
    }
  };

  // The person the traversal corpus aims at: records on hardship-cases a traversal would reveal.
  const target = newIdNumber();
  let targetCaseId = '';

  beforeAll(async () => {
    cluster = await startCluster('security');
    targetCaseId = String((await openCase('u1', target)).body.caseId);
  });
  afterAll(() => cluster?.stop());

  describe('the traversal corpus', () => {
    /** Requests each service served, per route pattern, read off its own /metrics. */
    const served = async () => {
      const counts = new Map<string, number>();
      for (const [name, url] of Object.entries(cluster.serviceUrls)) {
        const text = await (
          await fetch(`${url}/metrics`, {
            headers: { authorization: `Bearer ${cluster.secrets.metricsToken}` },
          })
        ).text();
        for (const [, route, n] of text.matchAll(
          /^http_requests_total\{[^}]*route="([^"]*)"[^}]*\} (\d+)$/gm,
        )) {
          if (route === '/metrics') continue;
          counts.set(`${name} ${route}`, (counts.get(`${name} ${route}`) ?? 0) + Number(n));
        }
      }
      return counts;
    };
    const LEAKS = ['"caseId"', 'receivedThisYearFen', 'idNumberMasked', 'http_requests_total'];

    it('through the gateway: each answers its status and reaches no service it should not', async () => {
      const answers = [];
      for (const probe of TRAVERSAL_CORPUS) {
        const authorization = await bearer(`${probe.as}-trav`, probe.as, ['*']);
        const body = probe.method === 'GET' ? undefined : '{}';
        const before = await served();
        const res = await sendRaw(
          cluster.gatewayUrl,
          probe.method,
          probe.target.replace('{idNumber}', target),
          {
            authorization,
            ...(body ? { 'content-type': 'application/json' } : {}),
          },
          body,
        );
        const after = await served();
        const reached = [...after].filter(([k, n]) => n !== (before.get(k) ?? 0)).map(([k]) => k);
        answers.push({
          name: probe.name,
          status: res.status,
          reached,
          problem:
            res.status < 400 || String(res.headers['content-type']).includes('application/problem+json'),
          leaks: LEAKS.filter((l) => res.text.includes(l)),
        });
      }
      expect(answers).toEqual(
        TRAVERSAL_CORPUS.map((p) => ({
          name: p.name,
          status: p.status,
          reached: p.serviceRoute ? [`hardship-cases ${p.serviceRoute}`] : [],
          problem: true,
          leaks: [],
        })),
      );
    });

    it('straight at each service with a valid token: every probe is refused before any route', async () => {
      const authorization = await bearer('admin-direct', 'admin', ['*']);
      const answers = [];
      for (const [service, url] of Object.entries(cluster.serviceUrls)) {
        for (const probe of TRAVERSAL_CORPUS) {
          if (probe.target === '*') continue; // asterisk-form: node's client cannot send it to a path route
          const res = await sendRaw(url, probe.method, probe.target.replace('{idNumber}', target), {
            authorization,
          });
          answers.push({
            at: `${service} ${probe.name}`,
            refused: res.status === 401 || res.status === 400,
            leaks: LEAKS.filter((l) => res.text.includes(l)),
          });
        }
      }
      expect(answers.filter((a) => !a.refused || a.leaks.length > 0)).toEqual([]);
    });
  });

  // Issue 13, item 2: a service process answers only the gateway, and only on loopback by default.
  describe('the hop', () => {
    it('lets only the gateway reach a service: a valid user token alone is refused', async () => {
      const authorization = await bearer('cw-hop', 'caseworker', ['u1']);
      const service = cluster.serviceUrls['medical-aid'];
      const path = '/api/v1/medical-aid/periods/5f0c6a43-7a55-4b0e-9d1a-1c4b8f0f1a11';
      const direct = await fetch(`${service}${path}`, { headers: { authorization } });
      expect(direct.status).toBe(401);
      expect(await direct.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
      // An assertion the gateway signed for another request does not open this one.
      const key = assertionPrivateKey('key', cluster.secrets.assertionKeys.privateKey);
      const sign = (url: string) =>
        signGatewayAssertion(key, {
          service: 'medical-aid',
          method: 'GET',
          url,
          authorization,
          correlationId: 'e2e',
        });
      const replayed = await fetch(`${service}${path}`, {
        headers: { authorization, [GATEWAY_ASSERTION_HEADER]: sign('/api/v1/medical-aid/claims') },
      });
      expect(replayed.status).toBe(403);
      const signed = await fetch(`${service}${path}`, {
        headers: { authorization, [GATEWAY_ASSERTION_HEADER]: sign(path) },
      });
      expect(signed.status).toBe(404); // let in: no such period
      // The probes are open; the metrics need the scraper's token, at the service and the gateway.
      expect((await fetch(`${service}/health/live`)).status).toBe(200);
      for (const base of [service, cluster.gatewayUrl]) {
        expect((await fetch(`${base}/metrics`)).status).toBe(401);
        expect((await fetch(`${base}/metrics`, { headers: { authorization } })).status).toBe(401);
        const scrape = await fetch(`${base}/metrics`, {
          headers: { authorization: `Bearer ${cluster.secrets.metricsToken}` },
        });
        expect(scrape.status).toBe(200);
      }
    });

    it('binds a service to loopback when HOST is not set', async () => {
      const external = Object.values(networkInterfaces())
        .flat()
        .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
        .map((a) => a?.address as string);
      expect(external.length).toBeGreaterThan(0); // this check needs a machine with a network
      const { port } = new URL(cluster.serviceUrls['hardship-cases']);
      expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);
      for (const address of external) {
        await expect(fetch(`http://${address}:${port}/health/live`)).rejects.toThrow('fetch failed');
      }
    });

    it("never makes a client's X-Correlation-Id the correlation id of its events", async () => {
      const chosen = `client-${randomUUID()}`;
      const opened = await openCase('u1', newIdNumber(), { 'x-correlation-id': chosen });
      const assigned = opened.headers.get('x-correlation-id');
      expect(assigned).not.toBe(chosen);
      expect(opened.headers.get('x-client-correlation-id')).toBe(chosen);
      const events = await query<{ metadata: Record<string, unknown> }>(
        'hardship-cases',
        `SELECT metadata FROM events WHERE stream_id = $1`,
        [`case-${String(opened.body.caseId)}`],
      );
      expect(events.map((e) => [e.metadata.correlationId, e.metadata.clientCorrelationId])).toEqual([
        [assigned, chosen],
      ]);
      const auditor = await bearer('au-cid', 'auditor', ['*']);
      expect(
        await query('hardship-cases', `SELECT 1 FROM events WHERE metadata->>'correlationId' = $1`, [chosen]),
      ).toEqual([]);
      const trace = await call(auditor, 'GET', `/api/v1/audit/trace/${chosen}`);
      expect(trace.text).not.toContain(String(opened.body.caseId));
    });
  });

  describe('scoping oracles', () => {
    it("tells another unit's caseworker neither the case's id by eligibility nor by the 409", async () => {
      const other = await bearer('cw-u2', 'caseworker', ['u2']);
      const auditor = await bearer('au-scope', 'auditor', ['*']);
      for (const programme of ['grants', 'medical-aid']) {
        const path = `/api/v1/${programme}/eligibility/${target}`;
        const seen = await eventually(`${programme} learns of the case`, async () => {
          const answer = await call(auditor, 'GET', path);
          return answer.body.hasOpenCase === true ? answer.body : undefined;
        });
        expect(seen).toMatchObject({ caseId: targetCaseId });
        const answer = await call(other, 'GET', path);
        expect(answer.status).toBe(200);
        expect(answer.body).toEqual({
          idNumberMasked: expect.any(String) as string,
          hasOpenCase: true,
          tier: seen.tier,
        });
        expect(answer.text).not.toContain(targetCaseId);
      }
      const duplicate = await call(other, 'POST', '/api/v1/hardship/cases', caseBody('u2', target));
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.existingCaseId).toBeUndefined();
      expect(duplicate.text).not.toContain(targetCaseId);
    });

    it("answers a membership lookup for another unit's member as for a person never enrolled", async () => {
      const admin = await bearer('admin-scope', 'admin', ['*']);
      const period = await call(admin, 'POST', '/api/v1/medical-aid/periods', periodBody());
      expect(period.status).toBe(201);
      const periodId = String(period.body.periodId);
      const member = newIdNumber();
      const enrolled = await call(
        await bearer('cw-u1', 'caseworker', ['u1']),
        'POST',
        `/api/v1/medical-aid/periods/${periodId}/enrollments`,
        {
          unitId: 'u1',
          paymentRef: 'PAY-u1',
          members: [{ idNumber: member, name: '马海燕', hasBasicMedicalInsurance: true }],
        },
      );
      expect(enrolled.body).toMatchObject({ enrolled: 1 });
      const lookup = async (as: string, idNumber: string) => {
        const res = await call(as, 'GET', `/api/v1/medical-aid/periods/${periodId}/members/${idNumber}`);
        // The answer with what differs by request alone (the number itself, the request's ids) set aside.
        const text = res.text
          .split(idNumber)
          .join('<id>')
          .split(`${idNumber.slice(0, 6)}********${idNumber.slice(14)}`)
          .join('<id>');
        const { instance: _i, correlationId: _c, ...rest } = JSON.parse(text) as Record<string, unknown>;
        return { status: res.status, body: rest };
      };
      const own = await lookup(await bearer('cw-u1', 'caseworker', ['u1']), member);
      expect(own.status).toBe(200);
      const other = await bearer('cw-u2', 'caseworker', ['u2']);
      const foreign = await lookup(other, member);
      expect(foreign.status).toBe(404);
      expect(foreign).toEqual(await lookup(other, newIdNumber()));
    });

    it('refuses an idempotent replay by the same sub acting for other units, 403', async () => {
      const key = { 'idempotency-key': `sec-${randomUUID()}` };
      const body = caseBody('u1', newIdNumber());
      const first = await call(
        await bearer('cw-idem', 'caseworker', ['u1']),
        'POST',
        '/api/v1/hardship/cases',
        body,
        key,
      );
      expect(first.status).toBe(201);
      const again = await call(
        await bearer('cw-idem', 'caseworker', ['u2']),
        'POST',
        '/api/v1/hardship/cases',
        body,
        key,
      );
      expect(again.status).toBe(403);
      expect(again.headers.get('idempotent-replayed')).toBeNull();
      expect(again.text).not.toContain(String(first.body.caseId));
    });

    it("leaves an access-log row, with its query, for an admin's read of an audit stream", async () => {
      const admin = await bearer('admin-reader', 'admin', ['*']);
      const read = await call(
        admin,
        'GET',
        `/api/v1/audit/hardship-cases/streams/case-${targetCaseId}/events?fromVersion=1`,
      );
      expect(read.status).toBe(200);
      const listed = await call(
        await bearer('au-log', 'auditor', ['*']),
        'GET',
        '/api/v1/audit/hardship-cases/access-log?actor=admin-reader',
      );
      expect(listed.status).toBe(200);
      expect(listed.body.items).toEqual([
        expect.objectContaining({
          actor: 'admin-reader',
          roles: ['admin'],
          method: 'GET',
          path: `/api/v1/audit/streams/case-${targetCaseId}/events`,
          query: { fromVersion: '1' },
          subject: `case-${targetCaseId}`,
          correlationId: read.headers.get('x-correlation-id'),
        }),
      ]);
    });
  });
});

// No cluster needed: each row is its own short-lived process, four at a time.
describe('the production guards', () => {
  it('the production-guard matrix: each bad variable stops its app, named, its value never printed', async () => {
    const secrets = productionSecrets();
    const results = await bounded(GUARD_MATRIX, 4, async (row) => {
      const r = await runGuardRow(row, secrets);
      return {
        name: row.name,
        exitedNonZero: (r.code !== null && r.code !== 0) || `exit code ${String(r.code)}`,
        named: row.names.filter((n) => !r.output.includes(n)).length === 0 || r.output,
        printedASecret: r.secrets.some((s) => r.output.includes(s)),
      };
    });
    expect(results).toEqual(
      GUARD_MATRIX.map((row) => ({
        name: row.name,
        exitedNonZero: true,
        named: true,
        printedASecret: false,
      })),
    );
  }, 300_000); // about 2 s of CPU per process: minutes on a loaded machine
});
