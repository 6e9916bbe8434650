import { NestFactory } from '@nestjs/core';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { JsonLogger, type LogLevel } from '@union/platform';
import type { ServiceInfra } from './service-infra';

/** Largest JSON body a service accepts: an enrollment of 10,000 members fits with room. */
export const SERVICE_BODY_LIMIT = '8mb';

/**
 * Creates the service's Nest app on top of its infrastructure: HTTP API plus the
 * `@EventPattern` consumers on the configured transport. `listen` is left to the caller so tests
 * can drive it through supertest without a port.
 */
export async function createServiceApp(
  module: DynamicModule,
  infra: ServiceInfra,
  options: { logLevel?: LogLevel } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, {
    logger: new JsonLogger(infra.definition.name, options.logLevel ?? 'info'),
    bufferLogs: false,
  });
  app.useBodyParser('json', { limit: SERVICE_BODY_LIMIT });
  app.enableShutdownHooks();
  // A service that consumes nothing (organisation) joins no consumer group.
  if (infra.definition.consumes.length > 0) {
    app.connectMicroservice(infra.microservice(), { inheritAppConfig: true });
    await app.startAllMicroservices();
  }
  await app.init();
  return app;
}
