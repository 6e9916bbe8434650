import request from 'supertest';
import type { App } from 'supertest/types';
import { idNumberWithCheckChar } from '@union/kernel';
import { GatewayAssertionVerifier, type VerifiedHop } from '@union/platform';
import {
  bearer,
  startGateway,
  type Received,
  type StubService,
  type TestGateway,
} from '../gateway-test.fixture';

const ID = idNumberWithCheckChar('63010219850312001');

/**
 * Every call the gateway makes to a service's API (forwarded, composed views, audit fan-out)
 * carries an assertion that the service's own verifier accepts for exactly that call; the
 * correlation id in it is the gateway's, the client's id only its reference.
 */
describe('the gateway signs each call to a service', () => {
  let gw: TestGateway;
  let server: App;
  let verifiers: Map<StubService, GatewayAssertionVerifier>;
  beforeAll(async () => {
    gw = await startGateway();
    server = gw.app.getHttpServer() as App;
    verifiers = new Map([
      [gw.hardship, new GatewayAssertionVerifier(gw.assertionPublicKey, 'hardship-cases')],
      [gw.grants, new GatewayAssertionVerifier(gw.assertionPublicKey, 'education-grants')],
      [gw.medical, new GatewayAssertionVerifier(gw.assertionPublicKey, 'medical-aid')],
      [gw.organisation, new GatewayAssertionVerifier(gw.assertionPublicKey, 'organisation')],
    ]);
  });
  afterAll(() => gw.close());

  /** What the service's verifier makes of the call it received (one verifier per service: a replay fails). */
  const accepted = (stub: StubService, r: Received | undefined): VerifiedHop =>
    (verifiers.get(stub) as GatewayAssertionVerifier).verify({
      method: r?.method ?? '',
      url: r?.url ?? '',
      authorization: r?.headers.authorization,
      assertion: r?.headers['x-gateway-assertion'] as string | undefined,
    });

  it('binds a forwarded call to its method, path and query, and the caller token', async () => {
    const auth = await bearer(['reviewer']);
    const res = await request(server)
      .get('/api/v1/hardship/cases?unitId=u-1&page=2')
      .set('Authorization', auth)
      .set('x-correlation-id', 'client-story-7')
      .set('x-gateway-assertion', 'forged-by-client')
      .expect(200);
    const received = gw.hardship.received.at(-1);
    expect(received?.url).toBe('/api/v1/hardship/cases?unitId=u-1&page=2');
    expect(accepted(gw.hardship, received)).toEqual({
      correlationId: res.headers['x-correlation-id'],
      clientCorrelationId: 'client-story-7',
    });
    expect(res.headers['x-correlation-id']).not.toBe('client-story-7');
    expect(() => accepted(gw.hardship, received)).toThrow('already used');
  });

  it('signs the path the service is asked for: audit routes under the service prefix, writes with a body', async () => {
    await request(server)
      .get('/api/v1/audit/medical-aid/verify?fromPosition=1')
      .set('Authorization', await bearer(['auditor']))
      .expect(200);
    const audit = gw.medical.received.at(-1);
    expect(audit?.url).toBe('/api/v1/audit/verify?fromPosition=1');
    expect(accepted(gw.medical, audit).correlationId).toMatch(/^[0-9a-f-]{36}$/);
    await request(server)
      .post('/api/v1/grants/applications/a-1/withdraw')
      .set('Authorization', await bearer(['caseworker']))
      .send({ reason: '家长撤回申请' })
      .expect(200);
    expect(accepted(gw.grants, gw.grants.received.at(-1))).toBeDefined();
  });

  it("signs the person view's and the audit timeline's calls to each service", async () => {
    await request(server)
      .get(`/api/v1/people/${ID}`)
      .set('Authorization', await bearer(['reviewer']))
      .expect(200);
    for (const stub of [gw.hardship, gw.grants, gw.medical]) accepted(stub, stub.received.at(-1));
    // The audit fans out to every audited service, the organisation's log included.
    const audited = [gw.hardship, gw.grants, gw.medical, gw.organisation];
    for (const stub of audited) stub.reply = () => ({ status: 200, body: { events: [] } });
    await request(server)
      .get(`/api/v1/audit/people/${ID}/timeline`)
      .set('Authorization', await bearer(['auditor']))
      .expect(200);
    for (const stub of audited) {
      expect(stub.received.at(-1)?.url).toBe(`/api/v1/audit/people/${ID}/events`);
      accepted(stub, stub.received.at(-1));
    }
  });
});
