// The grants service on a real PostgreSQL database (e2e tests only): several connections at once,
// so races are real, unlike on PGlite's single connection.
import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import { createDatabase, dropDatabase } from '@union/event-store/testing';
import { InProcessBus } from '@union/messaging';
import { signDevToken, type Role } from '@union/platform';
import { createServiceApp, openServiceInfra, type ServiceInfra, type ServiceSettings } from '@union/runtime';
import { TEST_GATEWAY_KEYS, TEST_JWT_SECRET, TEST_PERSON_REF_SECRET, throughGateway } from '@union/testing';
import { EducationGrantsModule } from '../education-grants.module';
import { educationGrantsService } from '../education-grants.service-definition';
import { EMBEDDED_MASTER_KEY } from '@union/event-store';

export interface PostgresGrants {
  http: Server;
  infra: ServiceInfra;
  bus: InProcessBus;
  token(sub: string, roles: Role[], units?: string[]): Promise<string>;
  close(): Promise<void>;
}

/** Boots the whole service (module, relay, consumers) on a fresh database named `<prefix>_…`. */
export async function startGrantsOnPostgres(prefix: string, poolMax = 20): Promise<PostgresGrants> {
  const url = await createDatabase(prefix);
  const bus = new InProcessBus();
  const infra = await openServiceInfra(
    educationGrantsService,
    { kind: 'postgres', url, poolMax },
    { kind: 'in-process', bus },
    EMBEDDED_MASTER_KEY,
  );
  const settings: ServiceSettings = {
    service: educationGrantsService.name,
    jwtSecret: TEST_JWT_SECRET,
    personRefSecret: TEST_PERSON_REF_SECRET,
    gatewayPublicKey: TEST_GATEWAY_KEYS.publicKey,
    logLevel: 'silent',
  };
  const app: INestApplication = await createServiceApp(
    EducationGrantsModule.register(infra, settings),
    infra,
    { logLevel: 'silent' },
  );
  return {
    http: throughGateway(app, educationGrantsService.name),
    infra,
    bus,
    token: (sub, roles, units = ['*']) => signDevToken(TEST_JWT_SECRET, { sub, roles, units }, 3600),
    async close() {
      await app.close();
      await infra.close();
      await dropDatabase(url);
    },
  };
}
