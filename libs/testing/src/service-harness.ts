import type { DynamicModule, INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import { startPgliteServer, type PgliteServer, EMBEDDED_MASTER_KEY } from '@union/event-store';
import { InProcessBus } from '@union/messaging';
import { signDevToken, type Role } from '@union/platform';
import {
  createServiceApp,
  openServiceInfra,
  type ServiceDefinition,
  type ServiceInfra,
  type ServiceSettings,
} from '@union/runtime';
import { TEST_GATEWAY_KEYS, throughGateway } from './gateway-hop';

export const TEST_JWT_SECRET = 'integration-test-jwt-secret-0123456789abcdef';
export const TEST_PERSON_REF_SECRET = 'integration-test-person-ref-secret-0123456789';

export interface ServiceHarness {
  app: INestApplication;
  /** For supertest: `request(h.http)`, through a stand-in for the gateway (see {@link throughGateway}). */
  http: Server;
  /** The service's own server: a request here carries no gateway assertion (refused but for probes). */
  direct: Server;
  infra: ServiceInfra;
  bus: InProcessBus;
  settings: ServiceSettings;
  /** The PGlite server the service talks to: stop it to take the database away. */
  database: PgliteServer;
  /** A bearer token for a user with these roles and units. */
  token(sub: string, roles: Role[], units?: string[]): Promise<string>;
  /** Publishes the relay's pending events and waits until every consumer on the bus is idle. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * One service as the int tests use it: its real module on a fresh in-memory PGlite (real
 * Postgres over the wire protocol) and the in-process bus, driven over HTTP through supertest.
 * Pass a shared `bus` to run several services that talk to each other.
 */
export async function startServiceHarness(
  definition: ServiceDefinition,
  moduleFor: (infra: ServiceInfra, settings: ServiceSettings) => DynamicModule,
  bus: InProcessBus = new InProcessBus(),
  overrides: Partial<ServiceSettings> = {},
): Promise<ServiceHarness> {
  const database: PgliteServer = await startPgliteServer();
  const infra = await openServiceInfra(
    definition,
    { kind: 'pglite', ...database },
    { kind: 'in-process', bus },
    EMBEDDED_MASTER_KEY,
  );
  const settings: ServiceSettings = {
    service: definition.name,
    jwtSecret: TEST_JWT_SECRET,
    personRefSecret: TEST_PERSON_REF_SECRET,
    gatewayPublicKey: TEST_GATEWAY_KEYS.publicKey,
    logLevel: 'silent',
    ...overrides,
  };
  const app = await createServiceApp(moduleFor(infra, settings), infra, { logLevel: 'silent' });
  return {
    app,
    http: throughGateway(app, definition.name),
    direct: app.getHttpServer() as Server,
    infra,
    bus,
    settings,
    database,
    token: (sub, roles, units = ['*']) => signDevToken(TEST_JWT_SECRET, { sub, roles, units }, 3600),
    async settle() {
      while ((await infra.relay.runOnce()) > 0) {
        // keep publishing until the log is drained
      }
      await bus.idle();
    },
    async close() {
      await app.close();
      await infra.close();
      await database.stop();
    },
  };
}
