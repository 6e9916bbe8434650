import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { GATEWAY_ASSERTION_HEADER, isAcceptableCorrelationId, signGatewayAssertion } from '@union/platform';

/** The key pair of the tests' stand-in for the gateway: services under test trust its public half. */
export const TEST_GATEWAY_KEYS = generateKeyPairSync('ed25519');

/**
 * A server in front of a service's app that does on the hop what the gateway does: it signs each
 * request's assertion (method, path and query, the caller's `Authorization`) with
 * {@link TEST_GATEWAY_KEYS}. The correlation id is the request's `x-correlation-id` when one is
 * sent (a test naming the story it starts, as the gateway would assign one), else a new one.
 * The app's own server (`app.getHttpServer()`) stays the direct way in, without an assertion.
 */
export function throughGateway(
  app: INestApplication,
  service: string,
  privateKey = TEST_GATEWAY_KEYS.privateKey,
): Server {
  const handle = app.getHttpAdapter().getInstance() as (req: IncomingMessage, res: ServerResponse) => void;
  return createServer((req, res) => {
    const given = req.headers['x-correlation-id'];
    req.headers[GATEWAY_ASSERTION_HEADER] = signGatewayAssertion(privateKey, {
      service,
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      authorization: req.headers.authorization,
      correlationId: isAcceptableCorrelationId(given) ? given : randomUUID(),
    });
    handle(req, res);
  });
}
