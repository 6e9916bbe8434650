import { join } from 'node:path';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { masterKeyFromEnv, startPgliteServer, type PgliteServer } from '@union/event-store';
import { createGatewayApp, loadGatewaySettings } from '@union/gateway';
import { InProcessBus } from '@union/messaging';
import { ASSERTION_PRIVATE_KEY_VAR, ASSERTION_PUBLIC_KEY_VAR, generateAssertionKeys } from '@union/platform';
import {
  createServiceApp,
  envName,
  loadServiceSettings,
  openServiceInfra,
  type DatabaseTarget,
  type ServiceDefinition,
  type ServiceInfra,
  type ServiceSettings,
} from '@union/runtime';
import { HardshipCasesModule, hardshipCasesService } from '@union/hardship-cases/service';
import { EducationGrantsModule, educationGrantsService } from '@union/education-grants/service';
import { MedicalAidModule, medicalAidService } from '@union/medical-aid/service';
import { OrganisationModule, organisationService, seedOrganisationTree } from '@union/organisation/service';

interface EmbeddedService {
  definition: ServiceDefinition;
  module: (infra: ServiceInfra, settings: ServiceSettings) => DynamicModule;
}

const SERVICES: EmbeddedService[] = [
  { definition: hardshipCasesService, module: (i, s) => HardshipCasesModule.register(i, s) },
  { definition: educationGrantsService, module: (i, s) => EducationGrantsModule.register(i, s) },
  { definition: medicalAidService, module: (i, s) => MedicalAidModule.register(i, s) },
  { definition: organisationService, module: (i, s) => OrganisationModule.register(i, s) },
];

export interface EmbeddedOptions {
  /** Where each service keeps its PGlite database; omitted: in memory (tests). */
  dataDir?: string;
  /** The gateway's port; 0 picks a free one. */
  gatewayPort: number;
  env?: NodeJS.ProcessEnv;
  /**
   * Seed the union tree (`SEED_TREE`: 河南省总工会 and below) when the organisation log is empty:
   * `npm start` does, tests do not (they build the tree they need).
   */
  seedOrganisation?: boolean;
  /**
   * Each service's database on a PostgreSQL server instead of a PGlite of its own (benchmarks on
   * the local server): a connection URL per service name.
   */
  postgres?: Readonly<Record<string, string>>;
}

export interface EmbeddedPlatform {
  gateway: INestApplication;
  gatewayUrl: string;
  services: Record<string, { app: INestApplication; url: string; infra: ServiceInfra }>;
  /** The in-process bus the services publish on (tests read integration messages from it). */
  bus: InProcessBus;
  stop(): Promise<void>;
}

/**
 * The embedded default: the gateway and the four services (three programmes and the union's tree) in one process, each service on its
 * own PGlite database (real Postgres over the wire protocol), talking over the in-process bus.
 * The services listen on loopback ports of their own, so the gateway proxies exactly as it does
 * in production, signing each call with a key pair made for this run unless the environment
 * gives one.
 */
export async function startEmbeddedPlatform(options: EmbeddedOptions): Promise<EmbeddedPlatform> {
  const given = options.env ?? process.env;
  const env = given[ASSERTION_PRIVATE_KEY_VAR] ? given : withFreshAssertionKeys(given);
  const bus = new InProcessBus();
  const databases: PgliteServer[] = [];
  const services: EmbeddedPlatform['services'] = {};
  const databaseOf = async (name: string): Promise<DatabaseTarget> => {
    const url = options.postgres?.[name];
    if (url) return { kind: 'postgres', url };
    const database = await startPgliteServer(options.dataDir ? join(options.dataDir, name) : undefined);
    databases.push(database);
    return { kind: 'pglite', ...database };
  };
  for (const { definition, module } of SERVICES) {
    const infra = await openServiceInfra(
      definition,
      await databaseOf(definition.name),
      { kind: 'in-process', bus },
      masterKeyFromEnv(env, true),
    );
    const settings = loadServiceSettings(definition.name, env, true);
    const app = await createServiceApp(module(infra, settings), infra, { logLevel: settings.logLevel });
    await app.listen(0, '127.0.0.1');
    services[definition.name] = { app, url: (await app.getUrl()).replace('[::1]', '127.0.0.1'), infra };
    if (definition === organisationService && options.seedOrganisation) await seedOrganisationTree(app);
  }
  const upstreamEnv = Object.fromEntries(
    Object.entries(services).map(([name, s]) => [`${envName(name)}_URL`, s.url]),
  );
  const gateway = await createGatewayApp(loadGatewaySettings({ ...env, ...upstreamEnv }, true));
  await gateway.listen(options.gatewayPort, env.HOST ?? '127.0.0.1');
  return {
    gateway,
    gatewayUrl: (await gateway.getUrl()).replace('[::1]', '127.0.0.1'),
    services,
    bus,
    async stop() {
      await gateway.close();
      for (const { app, infra } of Object.values(services)) {
        await app.close();
        await infra.close();
      }
      for (const database of databases) await database.stop();
    },
  };
}

/** `env` with a key pair made for this run, for a run whose environment gives none. */
function withFreshAssertionKeys(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const keys = generateAssertionKeys();
  return { ...env, [ASSERTION_PRIVATE_KEY_VAR]: keys.privateKey, [ASSERTION_PUBLIC_KEY_VAR]: keys.publicKey };
}
