import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { JsonLogger } from '@union/platform';
import { ConsoleFiles, installConsole } from './console/console-files';
import { buildOpenApiDocument } from './docs/openapi.document';
import { OWN_ROUTES_BODY_LIMIT, parsesOwnRouteBody } from './edge/own-route-bodies';
import { GatewayModule } from './gateway.module';
import { ForwardingHandler, installForwarding } from './proxy/forwarding-handler';
import type { GatewaySettings } from './gateway.settings';

/** Builds the gateway app (not listening yet, so tests can drive it through supertest). */
export async function createGatewayApp(settings: GatewaySettings): Promise<INestApplication> {
  const logger = new JsonLogger('gateway', settings.logLevel);
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.register(settings), {
    logger,
    // Nest's default parsers (JSON and urlencoded, for every route) would read and parse any
    // body before the guard: an unauthenticated 8 MiB upload would cost CPU before its 401.
    // Only the dev token's is parsed; the forwarded routes read theirs after the token, the rate
    // limit and the roles (ForwardingHandler).
    bodyParser: false,
  });
  app.useBodyParser('json', { limit: OWN_ROUTES_BODY_LIMIT, type: parsesOwnRouteBody });
  // Served by the HTTP adapter, outside the auth guard: the API's description is public.
  SwaggerModule.setup('docs', app, buildOpenApiDocument(), { jsonDocumentUrl: 'docs-json' });
  app.enableShutdownHooks();
  await app.init();
  // Every request meets the path rule first, and the forwarded routes are served before Express
  // sees them (see ForwardingHandler); then the console's files, then Nest's own routes.
  const idp = settings.consoleOidc ? [new URL(settings.consoleOidc.issuer).origin] : [];
  const consoleFiles = ConsoleFiles.load(settings.consoleDir, idp);
  if (consoleFiles) installConsole(app.getHttpServer(), consoleFiles);
  else
    logger.log(`No console build in ${settings.consoleDir}: only the API is served (npm run console:build).`);
  installForwarding(app.getHttpServer(), app.get(ForwardingHandler));
  return app;
}
