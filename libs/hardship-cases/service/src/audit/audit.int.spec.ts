import { randomUUID } from 'node:crypto';
import { TOPICS } from '@union/contracts';
import { caseDecider } from '@union/hardship-cases/domain';
import type { AuditEvent } from '@union/runtime';
import {
  HARDSHIP,
  idNumberOf,
  openCase,
  refOf,
  startHardshipHarness,
  type Client,
  type HardshipHarness,
} from '../testing/hardship.harness';

const AUDIT = '/api/v1/audit';
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** The audit routes every service serves (notes/audit-contract.md), on the hardship service. */
describe('audit routes (hardship-cases, PGlite)', () => {
  let h: HardshipHarness;
  let auditor: Client;
  let admin: Client;
  let caseworker: Client;
  let caseId: string;
  const id = idNumberOf(701);
  const correlationId = `corr-${randomUUID()}`;
  const paidCorrelation = `corr-${randomUUID()}`;
  let causeId: string;

  beforeAll(async () => {
    h = await startHardshipHarness();
    auditor = await h.as('au-1', ['auditor']);
    admin = await h.as('admin-1', ['admin']);
    caseworker = await h.as('cw-1', ['caseworker'], ['u-1']);
    caseId = await openCase(h, id);
    await new Promise((r) => setTimeout(r, 5));
    await caseworker
      .post(`${HARDSHIP}/cases/${caseId}/visits`)
      .set('x-correlation-id', correlationId)
      .send({ visitedOn: '2024-01-05', visitor: '张红', findings: '家中困难' })
      .expect(201);
    // A claim paid by medical aid lands in the case history, caused by that integration event.
    causeId = await h.publish(
      TOPICS.medicalAidClaims,
      'ClaimPaid',
      {
        personRef: refOf(h, id),
        claimId: 'c1a10000-0000-4000-8000-000000000001',
        periodId: '9e410d00-0000-4000-8000-000000000001',
        unitId: 'u-1',
        outOfPocketFen: 4_100_000,
        payoutFen: 2_000_000,
        paidOn: '2025-05-06',
      },
      { correlationId: paidCorrelation },
    );
  });
  afterAll(() => h.close());

  const history = async () =>
    (await auditor.get(`${AUDIT}/streams/case-${caseId}/events`).expect(200)).body as {
      events: AuditEvent[];
    };

  it('serves a stream history with actor, correlation, causation, policy version and hashes', async () => {
    const body = await history();
    expect(body).toMatchObject({ service: 'hardship-cases', streamId: `case-${caseId}` });
    const [opened, visited, paid] = body.events;
    expect(opened).toMatchObject({
      streamType: 'case',
      version: 1,
      type: 'HardshipCaseOpened',
      prevHash: null,
    });
    expect(opened.metadata).toMatchObject({ actor: 'cw-1', policyVersion: expect.anything() });
    expect(opened.metadata.correlationId).toEqual(expect.any(String));
    expect(paid).toMatchObject({
      version: 3,
      prevHash: visited.hash,
      metadata: { correlationId: paidCorrelation, causationId: causeId },
    });
    expect(visited).toMatchObject({ version: 2, prevHash: opened.hash, metadata: { correlationId } });
    expect(opened.hash).toMatch(/^[0-9a-f]{64}$/);
    const from2 = await auditor.get(`${AUDIT}/streams/case-${caseId}/events?fromVersion=2`).expect(200);
    expect((from2.body as { events: AuditEvent[] }).events.map((e) => e.version)).toEqual([2, 3]);
    await auditor.get(`${AUDIT}/streams/case-${randomUUID()}/events`).expect(404);
  });

  it('rebuilds the state at a version and at an instant with the live evolve', async () => {
    const events = await h.infra.store.readStream(`case-${caseId}`);
    const fold = (n: number) =>
      events.slice(0, n).reduce((s, e) => caseDecider.evolve(s, e as never), caseDecider.initialState());
    const v1 = await auditor.get(`${AUDIT}/streams/case-${caseId}/state?asOfVersion=1`).expect(200);
    expect(v1.body).toMatchObject({
      streamType: 'case',
      version: 1,
      recordedAt: events[0].recordedAt.toISOString(),
    });
    expect((v1.body as { state: unknown }).state).toEqual(json(fold(1)));
    const at = events[0].recordedAt.toISOString();
    const instant = await auditor.get(`${AUDIT}/streams/case-${caseId}/state?asOf=${at}`).expect(200);
    expect(instant.body).toMatchObject({ version: 1, state: json(fold(1)) });
    const now = await auditor.get(`${AUDIT}/streams/case-${caseId}/state`).expect(200);
    expect(now.body).toMatchObject({ version: 3, state: json(fold(3)) });
    await auditor.get(`${AUDIT}/streams/case-${caseId}/state?asOf=2000-01-01T00:00:00Z`).expect(404);
  });

  it('refuses bad query parameters with 400 and caseworkers with 403', async () => {
    const path = `${AUDIT}/streams/case-${caseId}/state`;
    await auditor.get(`${path}?asOfVersion=1&asOf=2026-01-01T00:00:00Z`).expect(400);
    await auditor.get(`${path}?asOfVersion=0`).expect(400);
    await auditor.get(`${path}?asOf=yesterday`).expect(400);
    await auditor.get(`${AUDIT}/verify?fromPosition=x`).expect(400);
    await auditor.get(`${AUDIT}/verify?fromPosition=5&toPosition=2`).expect(400);
    await auditor.get(`${AUDIT}/verify?anchor=1:abc`).expect(400);
    await auditor.get(`${AUDIT}/people/123/events`).expect(400);
    const refused = await caseworker.get(`${AUDIT}/streams/case-${caseId}/events`).expect(403);
    expect(refused.body).toMatchObject({ code: 'FORBIDDEN' });
    await caseworker.get(`${AUDIT}/verify`).expect(403);
    await auditor.post(`${AUDIT}/rebuild-compare`).expect(403);
  });

  it("finds a person's events by identity number and a correlation's events", async () => {
    const person = await auditor.get(`${AUDIT}/people/${id}/events`).expect(200);
    const events = (person.body as { events: AuditEvent[] }).events;
    expect(events.map((e) => [e.streamId, e.version])).toEqual([
      [`case-${caseId}`, 1],
      [`case-${caseId}`, 2],
      [`case-${caseId}`, 3],
    ]);
    expect(events.every((e) => e.personRef === refOf(h, id))).toBe(true);
    expect(JSON.stringify(person.body)).not.toContain(id);
    const traced = await auditor.get(`${AUDIT}/correlations/${correlationId}/events`).expect(200);
    expect(traced.body).toMatchObject({ service: 'hardship-cases', events: [{ type: 'HomeVisitRecorded' }] });
    expect((traced.body as { events: unknown[] }).events).toHaveLength(1);
  });

  it('rebuild-compare (admin) finds the read models equal, then a corrupted row differing', async () => {
    const equal = await admin.post(`${AUDIT}/rebuild-compare`).expect(200);
    expect(equal.body).toMatchObject({ service: 'hardship-cases', equal: true });
    const tables = (equal.body as { tables: { table: string; liveRows: number }[] }).tables;
    expect(tables.find((t) => t.table === 'case_summary')).toMatchObject({ liveRows: 1, differing: 0 });
    await h.infra.dataSource.query(`UPDATE case_summary SET status = 'closed' WHERE case_id = $1`, [caseId]);
    const differing = await admin.post(`${AUDIT}/rebuild-compare`).expect(200);
    expect(differing.body).toMatchObject({ equal: false });
    const summary = (differing.body as { tables: { table: string }[] }).tables.find(
      (t) => t.table === 'case_summary',
    );
    expect(summary).toMatchObject({
      differing: 1,
      missing: 0,
      extra: 0,
      samples: [{ key: { case_id: caseId } }],
    });
    const [{ status }]: { status: string }[] = await h.infra.dataSource.query(
      `SELECT status FROM case_summary WHERE case_id = $1`,
      [caseId],
    );
    expect(status).toBe('closed');
  });

  it("records auditors' reads (subject, masked path), not caseworkers' nor the listing itself", async () => {
    const listing = () =>
      auditor.get(`${AUDIT}/access-log?actor=au-2&pageSize=10`).expect(200) as Promise<{ body: unknown }>;
    const reader = await h.as('au-2', ['auditor']);
    await reader.get(`${HARDSHIP}/cases/${caseId}`).expect(200);
    await reader.get(`${AUDIT}/people/${id}/events`).expect(200);
    await caseworker.get(`${HARDSHIP}/cases/${caseId}`).expect(200);
    await reader.get(`${AUDIT}/streams/case-${randomUUID()}/events`).expect(404);
    const { body } = await listing();
    expect(body).toMatchObject({ page: 1, pageSize: 10, total: 2 });
    const items = (body as { items: Record<string, unknown>[] }).items;
    expect(items[0]).toMatchObject({
      actor: 'au-2',
      roles: ['auditor'],
      method: 'GET',
      subject: refOf(h, id),
    });
    expect(items[0].path).toBe(`${AUDIT}/people/110105********${id.slice(14)}/events`);
    expect(items[1]).toMatchObject({ path: `${HARDSHIP}/cases/${caseId}`, subject: caseId });
    expect((await listing()).body).toMatchObject({ total: 2 });
    const bySubject = await admin.get(`${AUDIT}/access-log?subject=${caseId}`).expect(200);
    expect((bySubject.body as { items: { actor: string }[] }).items.map((i) => i.actor)).toContain('au-2');
    const [{ n }]: { n: number }[] = await h.infra.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_access_log WHERE actor = 'cw-1'`,
    );
    expect(n).toBe(0);
    await expect(h.infra.dataSource.query(`DELETE FROM audit_access_log`)).rejects.toThrow(/append-only/);
  });

  it('verifies the log, then names an edited event', async () => {
    const valid = await auditor.get(`${AUDIT}/verify`).expect(200);
    expect(valid.body).toMatchObject({ service: 'hardship-cases', valid: true, seals: { valid: true } });
    // An anchor that is not this log's seal fails the verification (missing or different seal 1).
    const anchored = await auditor.get(`${AUDIT}/verify?anchor=1:${'0'.repeat(64)}`).expect(200);
    expect(anchored.body).toMatchObject({ valid: false, seals: { firstInvalid: { sealId: 1 } } });
    const [opened] = (await history()).events;
    await h.infra.dataSource.query(`ALTER TABLE events DISABLE TRIGGER events_append_only`);
    await h.infra.dataSource.query(
      `UPDATE events SET data = jsonb_set(data, '{unitId}', '"u-9"') WHERE global_position = $1`,
      [opened.globalPosition],
    );
    await h.infra.dataSource.query(`ALTER TABLE events ENABLE TRIGGER events_append_only`);
    const invalid = await auditor.get(`${AUDIT}/verify`).expect(200);
    expect(invalid.body).toMatchObject({
      valid: false,
      firstInvalid: { globalPosition: opened.globalPosition, streamId: `case-${caseId}`, version: 1 },
    });
    const range = await auditor.get(`${AUDIT}/verify?fromPosition=${opened.globalPosition + 1}`).expect(200);
    expect(range.body).toMatchObject({ valid: true });
  });
});
