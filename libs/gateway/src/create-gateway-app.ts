import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { JsonLogger } from '@union/platform';
import { GatewayModule } from './gateway.module';
import type { GatewaySettings } from './gateway.settings';

/** Builds the gateway app (not listening yet, so tests can drive it through supertest). */
export async function createGatewayApp(settings: GatewaySettings): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.register(settings), {
    logger: new JsonLogger('gateway', settings.logLevel),
  });
  app.useBodyParser('json', { limit: settings.bodyLimitBytes });
  app.enableShutdownHooks();
  await app.init();
  return app;
}
