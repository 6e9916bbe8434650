import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { JsonLogger } from '@union/platform';
import { buildOpenApiDocument } from './docs/openapi.document';
import { GatewayModule } from './gateway.module';
import { ForwardingHandler, installForwarding } from './proxy/forwarding-handler';
import type { GatewaySettings } from './gateway.settings';

/** Builds the gateway app (not listening yet, so tests can drive it through supertest). */
export async function createGatewayApp(settings: GatewaySettings): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.register(settings), {
    logger: new JsonLogger('gateway', settings.logLevel),
  });
  app.useBodyParser('json', { limit: settings.bodyLimitBytes });
  // Served by the HTTP adapter, outside the auth guard: the API's description is public.
  SwaggerModule.setup('docs', app, buildOpenApiDocument(), { jsonDocumentUrl: 'docs-json' });
  app.enableShutdownHooks();
  await app.init();
  // The forwarded routes are served before Express sees them (see ForwardingHandler).
  installForwarding(app.getHttpServer(), app.get(ForwardingHandler));
  return app;
}
