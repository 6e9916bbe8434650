import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import request from 'supertest';
import { verifyLog, EMBEDDED_MASTER_KEY } from '@union/event-store';
import { InProcessBus } from '@union/messaging';
import { signDevToken } from '@union/platform';
import { createServiceApp, openServiceInfra, type ServiceInfra } from '@union/runtime';
import {
  createDatabase,
  dropDatabase,
  TEST_GATEWAY_KEYS,
  TEST_JWT_SECRET,
  TEST_PERSON_REF_SECRET,
  throughGateway,
} from '@union/testing';
import { MedicalAidModule } from './medical-aid.module';
import { medicalAidService } from './medical-aid.service-definition';
import { API, bill, idNumber, periodBody, TODAY } from './testing/medical-aid.harness';

/**
 * Races on the real PostgreSQL server (PGlite serves one connection at a time, so it cannot
 * race): overlapping enrollment batches enroll each person exactly once and leave a valid hash
 * chain; concurrent approvals of one member's claims share the annual cap (the loser decides again).
 */
describe('medical-aid races (real PostgreSQL)', () => {
  let url: string;
  let infra: ServiceInfra;
  let app: INestApplication;
  let http: Server;
  let auth: string;

  beforeAll(async () => {
    url = await createDatabase('medical_aid_race');
    infra = await openServiceInfra(
      medicalAidService,
      { kind: 'postgres', url, poolMax: 8 },
      { kind: 'in-process', bus: new InProcessBus() },
    EMBEDDED_MASTER_KEY,
    );
    const settings = {
      service: medicalAidService.name,
      jwtSecret: TEST_JWT_SECRET,
      personRefSecret: TEST_PERSON_REF_SECRET,
      gatewayPublicKey: TEST_GATEWAY_KEYS.publicKey,
      logLevel: 'silent' as const,
    };
    app = await createServiceApp(MedicalAidModule.register(infra, settings), infra, { logLevel: 'silent' });
    http = throughGateway(app, medicalAidService.name);
    auth = `Bearer ${await signDevToken(TEST_JWT_SECRET, { sub: 'cw-1', roles: ['caseworker', 'admin', 'reviewer'], units: ['*'] }, 600)}`;
  });
  const reviewer = () =>
    signDevToken(TEST_JWT_SECRET, { sub: 'rv-9', roles: ['reviewer'], units: ['*'] }, 600).then(
      (t) => `Bearer ${t}`,
    );
  afterAll(async () => {
    await app.close();
    await infra.close();
    await dropDatabase(url);
  });

  const enrollment = (periodId: string, ns: number[]) =>
    request(http)
      .post(`${API}/periods/${periodId}/enrollments`)
      .set('Authorization', auth)
      .send({
        unitId: 'unit-1',
        paymentRef: 'P',
        members: ns.map((n) => ({ idNumber: idNumber(n), name: `m${n}`, hasBasicMedicalInsurance: true })),
      })
      .expect(200);

  it('enrolls every person once when identical and overlapping batches run at the same time', async () => {
    const opened = await request(http)
      .post(`${API}/periods`)
      .set('Authorization', auth)
      .send(periodBody())
      .expect(201);
    const periodId = (opened.body as { periodId: string }).periodId;
    const ns = Array.from({ length: 900 }, (_, i) => i);
    const results = await Promise.all([
      enrollment(periodId, ns),
      enrollment(periodId, ns),
      enrollment(periodId, [...ns].reverse()),
      enrollment(
        periodId,
        ns.filter((n) => n % 2 === 0),
      ),
    ]);
    const bodies = results.map((r) => r.body as { enrolled: number; duplicates: number });
    expect(bodies.map((b) => b.enrolled + b.duplicates)).toEqual([900, 900, 900, 450]);
    expect(bodies.reduce((sum, b) => sum + b.enrolled, 0)).toBe(900);
    const [rows]: { members: string; events: string }[] = await infra.dataSource.query(
      `SELECT (SELECT count(*) FROM membership_summary) AS members, (SELECT count(*) FROM events WHERE type = 'MemberEnrolled') AS events`,
    );
    expect(rows).toEqual({ members: '900', events: '900' });
    expect(await verifyLog(infra.dataSource)).toMatchObject({ valid: true, checked: 901 });
  });

  it('re-quotes the second of two concurrent approvals against the cap the first one took', async () => {
    const opened = await request(http)
      .post(`${API}/periods`)
      .set('Authorization', auth)
      .send(periodBody())
      .expect(201);
    const periodId = (opened.body as { periodId: string }).periodId;
    await enrollment(periodId, [950]);
    const submit = (hospital: string) =>
      request(http)
        .post(`${API}/claims`)
        .set('Authorization', auth)
        .send({
          periodId,
          idNumber: idNumber(950),
          hospital,
          admittedOn: TODAY,
          dischargedOn: TODAY,
          diagnosisCode: 'C34',
          bill: bill(30_000_000, 10_000_000),
        })
        .expect(201);
    const ids = [(await submit('A')).body, (await submit('B')).body].map(
      (b) => (b as { claimId: string }).claimId,
    );
    const auth2 = await reviewer();
    const approvals = await Promise.all(
      ids.map((id) =>
        request(http).post(`${API}/claims/${id}/approve`).set('Authorization', auth2).send({}).expect(200),
      ),
    );
    const payouts = approvals.map((r) => (r.body as { quote: { payoutFen: number } }).quote.payoutFen).sort();
    expect(payouts).toEqual([11_440_000, 8_560_000].sort());
    const member = await request(http)
      .get(`${API}/periods/${periodId}/members/${idNumber(950)}`)
      .set('Authorization', auth2)
      .expect(200);
    expect(member.body).toMatchObject({ capUsedFen: 20_000_000, capLeftFen: 0 });
  });
});
