import { generateKeyPairSync } from 'node:crypto';
import { Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import request from 'supertest';
import { TOPICS } from '@union/contracts';
import { Checkpoints, startPgliteServer, type PgliteServer, EMBEDDED_MASTER_KEY } from '@union/event-store';
import { InProcessBus, KafkaProbe, OutboxRelay } from '@union/messaging';
import { platformFor, RuntimeModule } from './runtime.module';
import type { ServiceDefinition, ServiceSettings } from './service-definition';
import { openServiceInfra, type ServiceInfra } from './service-infra';
import { createServiceApp } from './start-service';

/** The runtime with no domain of its own: its health is what is under test. */
const definition: ServiceDefinition = {
  name: 'hardship-cases',
  publishes: TOPICS.hardshipCases,
  consumes: [TOPICS.medicalAidClaims],
  migrations: [],
  entities: [],
  projections: [],
  auditStates: {},
  toMessage: (e) => ({
    topic: TOPICS.hardshipCases,
    key: 'p-1',
    value: e.data,
    headers: { 'event-id': e.eventId },
  }),
};
const settings: ServiceSettings = {
  service: 'hardship-cases',
  jwtSecret: 'service-health-int-test-jwt-secret-0123456789',
  personRefSecret: 'service-health-int-test-person-ref-secret-0123',
  gatewayPublicKey: generateKeyPairSync('ed25519').publicKey,
  logLevel: 'silent',
};

@Module({})
class BareServiceModule {
  static register(infra: ServiceInfra): DynamicModule {
    return {
      module: BareServiceModule,
      imports: [platformFor(settings), RuntimeModule.forRoot(infra, settings)],
    };
  }
}

/**
 * Issue 14, item 6: ready = the replica can serve requests (its database answers). A broker
 * outage is a degraded state shown in the detail and the metrics, never "not ready".
 */
describe('service readiness', () => {
  let database: PgliteServer;
  let infra: ServiceInfra;
  let app: INestApplication;
  let databaseStopped = false;

  beforeAll(async () => {
    database = await startPgliteServer();
    infra = await openServiceInfra(
      definition,
      { kind: 'pglite', ...database },
      { kind: 'in-process', bus: new InProcessBus() },
    EMBEDDED_MASTER_KEY,
    );
    // The broker is away: nothing listens on port 1, and publishing is refused as kafkajs would.
    infra.broker = new KafkaProbe(
      { brokers: ['127.0.0.1:1'], clientId: 'service-health-int' },
      { groupId: definition.name, topics: definition.consumes },
    );
    infra.relay = new OutboxRelay({
      name: `relay:${definition.publishes}`,
      store: infra.store,
      checkpoints: new Checkpoints(infra.dataSource),
      publisher: { publish: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:9092')) },
      map: (e) => definition.toMessage(e),
      log: () => undefined,
    });
    app = await createServiceApp(BareServiceModule.register(infra), infra, { logLevel: 'silent' });
  });
  afterAll(async () => {
    await app?.close().catch(() => undefined);
    await infra?.close().catch(() => undefined);
    await infra?.broker.close(); // the one put in above; close() knows only its own
    if (!databaseStopped) await database?.stop();
  });

  it('stays ready (200, degraded) while the broker is away and events wait in the log', async () => {
    await infra.store.append('case-1', [{ type: 'HardshipCaseOpened', data: { personRef: 'p-1' } }], {
      expectedVersion: 'no_stream',
    });
    await waitFor(() => infra.relay.status().lastError !== undefined);

    const res = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(res.body).toMatchObject({
      status: 'degraded',
      service: 'hardship-cases',
      checks: {
        database: { ok: true },
        broker: { ok: false, detail: { transport: 'kafka' } },
        relay: {
          ok: false,
          detail: {
            leader: true,
            leadership: { mode: 'solo' },
            lagEvents: 1,
            running: true,
            lastError: 'connect ECONNREFUSED 127.0.0.1:9092',
          },
        },
        consumers: { ok: false, detail: { group: 'hardship-cases', lag: null } },
        seals: { ok: true, detail: { leader: true } },
      },
    });
    expect(typeof res.body.checks.broker.detail.error).toBe('string');

    const metrics = (await request(app.getHttpServer()).get('/metrics').expect(200)).text;
    expect(metrics).toMatch(/^relay_lag_events\{service="hardship-cases"\} 1$/m);
    expect(metrics).toMatch(/^relay_lag_seconds\{service="hardship-cases"\} \d+$/m);
    expect(metrics).toMatch(/^broker_reachable\{service="hardship-cases"\} 0$/m);
    expect(metrics).toMatch(/^replica_is_leader\{service="hardship-cases",role="relay"\} 1$/m);
  });

  it('is not ready (503) once its database does not answer', async () => {
    await database.stop();
    databaseStopped = true;
    const res = await request(app.getHttpServer()).get('/health/ready').expect(503);
    expect(res.body).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      checks: { database: { ok: false } },
    });
    expect(res.body.detail).toMatch(/^Not ready: .*database/);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
