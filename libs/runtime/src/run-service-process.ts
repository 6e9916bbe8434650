import type { DynamicModule } from '@nestjs/common';
import { loadConfig } from '@union/platform';
import { masterKeyFromEnv } from '@union/event-store';
import { kafkaSettingsFromEnv } from '@union/messaging';
import type { ServiceDefinition, ServiceSettings } from './service-definition';
import { openServiceInfra, type ServiceInfra } from './service-infra';
import { loadServiceSettings } from './service-settings';
import { createServiceApp } from './start-service';

/** `hardship-cases` -> `HARDSHIP_CASES`: the suffix of the service's own variables. */
export const envName = (service: string): string => service.toUpperCase().replace(/-/g, '_');

/**
 * Runs one service as its own process on real infrastructure: PostgreSQL from
 * `DATABASE_URL_<SERVICE>`, Kafka from `KAFKA_BROKERS`, HTTP on `<SERVICE>_PORT`, on loopback
 * unless `HOST` says otherwise (only the gateway should reach it; containers set `HOST=0.0.0.0`).
 * Bad or missing configuration stops the process with every problem named.
 */
export async function runServiceProcess(
  definition: ServiceDefinition,
  moduleFor: (infra: ServiceInfra, settings: ServiceSettings) => DynamicModule,
  defaultPort: number,
): Promise<void> {
  const name = envName(definition.name);
  const config = loadConfig({
    [`DATABASE_URL_${name}`]: { type: 'url', required: true, secret: true },
    [`${name}_PORT`]: { type: 'int', default: defaultPort },
    HOST: { type: 'string', default: '127.0.0.1' },
  });
  const settings = loadServiceSettings(definition.name);
  const infra = await openServiceInfra(
    definition,
    { kind: 'postgres', url: String(config[`DATABASE_URL_${name}`]) },
    { kind: 'kafka', settings: kafkaSettingsFromEnv(definition.name) },
    masterKeyFromEnv(process.env, false),
  );
  const app = await createServiceApp(moduleFor(infra, settings), infra);
  const port = Number(config[`${name}_PORT`]);
  await app.listen(port, String(config.HOST));
  process.stdout.write(
    `${JSON.stringify({ level: 'info', service: definition.name, msg: `listening on ${await app.getUrl()}` })}\n`,
  );
  const stop = async () => {
    await app.close();
    await infra.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}
