import { generateKeyPairSync } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { signGatewayAssertion } from './index';
import { bootTestApp, token, validBody } from './platform-test-app.fixture';

/**
 * A service's platform (PlatformModule with the gateway's public key): every route but the probes
 * and the metrics needs the gateway's assertion for that very request; the correlation ids come
 * from it; /metrics needs the metrics token.
 */
describe('PlatformModule in a service: only the gateway gets in', () => {
  const gateway = generateKeyPairSync('ed25519');
  const METRICS_TOKEN = 'metrics-scraper-token-Zt3Vw9pX2mR7nK4bL6cY1hF5jD0s';
  let app: INestApplication;
  let auth: string;
  beforeAll(async () => {
    app = await bootTestApp({ gatewayPublicKey: gateway.publicKey, metricsToken: METRICS_TOKEN });
    auth = `Bearer ${await token()}`;
  });
  afterAll(() => app.close());

  const http = () => request(app.getHttpServer());
  const assertion = (method: string, url: string, authorization?: string) =>
    signGatewayAssertion(gateway.privateKey, {
      service: 'test',
      method,
      url,
      authorization,
      correlationId: 'gw-corr-1',
      clientCorrelationId: 'client-ref-1',
    });

  it('refuses a valid user token without an assertion: 401 problem+json, nothing done', async () => {
    const res = await http().post('/cases').set('Authorization', auth).send(validBody).expect(401);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.body).toMatchObject({
      code: 'UNAUTHENTICATED',
      detail: 'The request carries no gateway assertion: services are reached only through the gateway.',
    });
    // Unknown routes too: nothing about the service is learnt without the gateway.
    await http().get('/nowhere').set('Authorization', auth).expect(401);
  });

  it('serves the request the assertion was made for, with its correlation ids', async () => {
    const res = await http()
      .get('/cases/context')
      .set('Authorization', auth)
      .set('x-correlation-id', 'spoofed-by-client')
      .set('x-gateway-assertion', assertion('GET', '/cases/context', auth))
      .expect(200);
    expect(res.body).toEqual({ correlationId: 'gw-corr-1', clientCorrelationId: 'client-ref-1' });
    expect(res.headers['x-correlation-id']).toBe('gw-corr-1');
  });

  it('refuses with 403 an assertion made for another request or token', async () => {
    const forContext = assertion('GET', '/cases/context', auth);
    const res = await http()
      .post('/cases')
      .set('Authorization', auth)
      .set('x-gateway-assertion', forContext)
      .send(validBody)
      .expect(403);
    expect(res.body).toMatchObject({
      code: 'FORBIDDEN',
      detail: 'The gateway assertion was issued for another method or path.',
    });
    const other = `Bearer ${await token(['caseworker', 'reviewer'])}`;
    await http()
      .get('/cases/context')
      .set('Authorization', other)
      .set('x-gateway-assertion', assertion('GET', '/cases/context', auth))
      .expect(403);
  });

  it('still checks the user token and roles behind a valid assertion', async () => {
    const url = '/cases/c-1/approve';
    await http()
      .post(url)
      .set('Authorization', auth)
      .set('x-gateway-assertion', assertion('POST', url, auth))
      .expect(403);
    await http().post(url).set('x-gateway-assertion', assertion('POST', url)).expect(401);
  });

  it('answers the probes without an assertion, and /metrics to the metrics token only', async () => {
    await http().get('/health/live').expect(200);
    await http().get('/health/ready').expect(200);
    await http().get('/metrics').expect(401);
    await http().get('/metrics').set('Authorization', auth).expect(401);
    const scrape = await http().get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(scrape.text).toMatch(/^gateway_assertion_refusals_total\{reason="missing"\} [1-9]\d*$/m);
    expect(scrape.text).toMatch(/^gateway_assertion_refusals_total\{reason="mismatch"\} [1-9]\d*$/m);
  });
});
