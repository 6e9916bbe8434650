// The hardship-cases service in the bench's own process on a fresh database of the real
// PostgreSQL server, called as the gateway calls it (each request with an assertion signed here).
import 'reflect-metadata';
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createDatabase, dropDatabase } from '@union/event-store/testing';
import { HardshipCasesModule, hardshipCasesService } from '@union/hardship-cases/service';
import { InProcessBus } from '@union/messaging';
import { GATEWAY_ASSERTION_HEADER, signDevToken, signGatewayAssertion, type Role } from '@union/platform';
import { createServiceApp, openServiceInfra, type ServiceInfra } from '@union/runtime';
import { EMBEDDED_MASTER_KEY } from '@union/event-store';

export interface HardshipBenchService {
  infra: ServiceInfra;
  personRefSecret: string;
  /** `http://127.0.0.1:<port>/api/v1/hardship`. */
  base: string;
  token(sub: string, roles: Role[], units: string[]): Promise<string>;
  /** A signed call; throws on a status of 300 or more. */
  call<T = Record<string, unknown>>(
    url: string,
    auth: string,
    method?: 'GET' | 'POST',
    body?: unknown,
  ): Promise<T>;
  /** Closes the service and drops the database (unless BENCH_KEEP_DB=1). */
  close(): Promise<void>;
}

export async function startHardshipBenchService(
  database: string,
  env: Record<string, string> = {},
): Promise<HardshipBenchService> {
  const hop = generateKeyPairSync('ed25519');
  const url = await createDatabase(database);
  const infra = await openServiceInfra(
    hardshipCasesService,
    { kind: 'postgres', url, poolMax: 10 },
    { kind: 'in-process', bus: new InProcessBus() },
    EMBEDDED_MASTER_KEY,
  );
  const [jwtSecret, personRefSecret] = [randomBytes(32).toString('hex'), randomBytes(32).toString('hex')];
  const settings = {
    service: hardshipCasesService.name,
    jwtSecret,
    personRefSecret,
    gatewayPublicKey: hop.publicKey,
    logLevel: 'silent' as const,
  };
  const app = await createServiceApp(HardshipCasesModule.register(infra, settings, { env }), infra, settings);
  await app.listen(0, '127.0.0.1');
  return {
    infra,
    personRefSecret,
    base: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api/v1/hardship`,
    token: async (sub, roles, units) =>
      `Bearer ${await signDevToken(jwtSecret, { sub, roles, units }, 6 * 3600)}`,
    async call<T>(target: string, auth: string, method: 'GET' | 'POST' = 'GET', body?: unknown): Promise<T> {
      const { pathname, search } = new URL(target);
      const assertion = signGatewayAssertion(hop.privateKey, {
        service: hardshipCasesService.name,
        method,
        url: pathname + search,
        authorization: auth,
        correlationId: randomUUID(),
      });
      const res = await fetch(target, {
        method,
        headers: {
          authorization: auth,
          [GATEWAY_ASSERTION_HEADER]: assertion,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const answer = (await res.json()) as T;
      if (res.status >= 300) throw new Error(`${method} ${target}: ${res.status} ${JSON.stringify(answer)}`);
      return answer;
    },
    async close() {
      await app.close();
      await infra.close();
      if (process.env.BENCH_KEEP_DB !== '1') await dropDatabase(url);
    },
  };
}
