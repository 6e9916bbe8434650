// Shared by the gateway's int specs: tiny stub services on node:http that record what they
// received, and a gateway built against them (the apps are not importable from libs).
import { createPublicKey, type KeyObject } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { signDevToken, type Role } from '@union/platform';
import { createGatewayApp } from './create-gateway-app';
import { loadGatewaySettings } from './gateway.settings';

export const SECRET = 'gateway-int-test-secret-0123456789abcdefghij';

export interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A stub service: answers `reply(received)` (default 200 `{ ok: true }`) and records requests. */
export interface StubService {
  readonly url: string;
  readonly received: Received[];
  reply: (r: Received) => { status: number; body: unknown; delayMs?: number };
  close(): Promise<void>;
}

export async function startStub(name: string): Promise<StubService> {
  type Reply = StubService['reply'];
  const stub: { received: Received[]; reply: Reply } = {
    received: [],
    reply: () => ({
      status: 200,
      body: { ok: true, service: name },
    }),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      stub.received.push(r);
      const answer = stub.reply(r);
      setTimeout(() => {
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer.body));
      }, answer.delayMs ?? 0).unref();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(stub, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

export interface TestGateway {
  readonly app: INestApplication;
  readonly hardship: StubService;
  readonly grants: StubService;
  readonly medical: StubService;
  readonly organisation: StubService;
  /** The public half of the gateway's assertion key (what the services verify with). */
  readonly assertionPublicKey: KeyObject;
  close(): Promise<void>;
}

/** The gateway against four fresh stubs; `env` overrides (e.g. `RATE_LIMIT_PER_MINUTE`). */
export async function startGateway(env: Record<string, string> = {}): Promise<TestGateway> {
  const [hardship, grants, medical, organisation] = await Promise.all([
    startStub('hardship'),
    startStub('grants'),
    startStub('medical'),
    startStub('organisation'),
  ]);
  const settings = loadGatewaySettings(
    {
      JWT_SECRET: SECRET,
      AUTH_DEV_LOGIN: 'false',
      LOG_LEVEL: 'error',
      HARDSHIP_CASES_URL: hardship.url,
      EDUCATION_GRANTS_URL: grants.url,
      MEDICAL_AID_URL: medical.url,
      ORGANISATION_URL: organisation.url,
      ...env,
    },
    true,
  );
  const app = await createGatewayApp(settings);
  return {
    app,
    hardship,
    grants,
    medical,
    organisation,
    assertionPublicKey: createPublicKey(settings.assertionKey),
    close: async () => {
      await app.close();
      await Promise.all([hardship.close(), grants.close(), medical.close(), organisation.close()]);
    },
  };
}

/** A bearer header for a user with `roles` (all units unless given). */
export async function bearer(
  roles: readonly Role[],
  options: { units?: string[]; sub?: string; ttlSeconds?: number; secret?: string } = {},
): Promise<string> {
  const token = await signDevToken(
    options.secret ?? SECRET,
    { sub: options.sub ?? `user-${roles.join('-')}`, roles, units: options.units ?? ['*'] },
    options.ttlSeconds ?? 600,
  );
  return `Bearer ${token}`;
}
