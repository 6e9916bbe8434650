import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { JsonLogger } from '@union/platform';
import { buildOpenApiDocument } from './docs/openapi.document';
import { GatewayModule } from './gateway.module';
import { ForwardingHandler, installForwarding } from './proxy/forwarding-handler';
import type { GatewaySettings } from './gateway.settings';

/** The one body the gateway's own routes take: `POST /api/v1/auth/dev-token` (public, dev only). */
const DEV_TOKEN_PATH = '/api/v1/auth/dev-token';
/** A dev-token request is a few names; anything larger is a 413 by its Content-Length, unread. */
export const OWN_ROUTES_BODY_LIMIT = 16 * 1024;
const JSON_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

/**
 * Which requests Express parses a body of: only a JSON dev-token request. Every other route of
 * the gateway's own (people view, audit timeline and trace, docs, health, metrics) is a GET whose
 * body is never read, so a body sent to one costs nothing before the guard answers; the
 * forwarded routes read theirs only after the token, the rate limit and the roles
 * (ForwardingHandler).
 */
function parsesBody(req: IncomingMessage): boolean {
  const url = req.url ?? '';
  const q = url.indexOf('?');
  return (q < 0 ? url : url.slice(0, q)) === DEV_TOKEN_PATH && JSON_TYPE.test(req.headers['content-type'] ?? '');
}

/** Builds the gateway app (not listening yet, so tests can drive it through supertest). */
export async function createGatewayApp(settings: GatewaySettings): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.register(settings), {
    logger: new JsonLogger('gateway', settings.logLevel),
    // Nest's default parsers (JSON and urlencoded, for every route) would read and parse any
    // body before the guard: an unauthenticated 8 MiB upload would cost CPU before its 401.
    bodyParser: false,
  });
  app.useBodyParser('json', { limit: OWN_ROUTES_BODY_LIMIT, type: parsesBody });
  // Served by the HTTP adapter, outside the auth guard: the API's description is public.
  SwaggerModule.setup('docs', app, buildOpenApiDocument(), { jsonDocumentUrl: 'docs-json' });
  app.enableShutdownHooks();
  await app.init();
  // Every request meets the path rule first, and the forwarded routes are served before Express
  // sees them (see ForwardingHandler).
  installForwarding(app.getHttpServer(), app.get(ForwardingHandler));
  return app;
}
