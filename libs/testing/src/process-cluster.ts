import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createDatabase, dropDatabase } from '@union/event-store/testing';
import { ASSERTION_PRIVATE_KEY_VAR, ASSERTION_PUBLIC_KEY_VAR, generateAssertionKeys } from '@union/platform';
import { envName, freePort, ROOT, SERVICES, spawnApp, type ServiceName as Service } from './app-launch';

export interface ClusterOptions {
  /** Processes per service (default 1), each on its own port, all on the service's database. */
  replicas?: Partial<Record<Service, number>>;
  /**
   * Users' tokens verified, in every process, against an identity provider's keys (`JWKS_URL`,
   * `JWT_ISSUER`, `JWT_AUDIENCE`) instead of the cluster's shared `JWT_SECRET`.
   */
  identity?: { readonly jwksUrl: string; readonly issuer: string; readonly audience: string };
  /** More of the gateway's environment (`OIDC_CLIENT_ID`, `CONSOLE_DIR`…). */
  gatewayEnv?: Record<string, string>;
  /** More of every service's environment (`RETENTION_YEARS_…`). */
  serviceEnv?: Record<string, string>;
}

export interface Cluster {
  gatewayUrl: string;
  /** Each service's first replica. */
  serviceUrls: Record<(typeof SERVICES)[number], string>;
  /** Every replica of each service, in the order the gateway's `<SERVICE>_URL` lists them. */
  replicas: Record<Service, { url: string; process: ChildProcess }[]>;
  databaseUrls: Record<(typeof SERVICES)[number], string>;
  jwtSecret: string;
  /** Everything the processes were given (the gateway's key pair, the metrics token…). */
  secrets: ProductionSecrets;
  logDir: string;
  stop(): Promise<void>;
}

/** The secrets of one production-mode platform, made fresh and random. */
export interface ProductionSecrets {
  readonly jwtSecret: string;
  readonly personRefSecret: string;
  /** PERSONAL_DATA_MASTER_KEY: base64 of 32 bytes, wrapping every person's data key. */
  readonly masterKey: string;
  readonly metricsToken: string;
  /** The gateway's assertion key pair (base64 DER): the private half for the gateway only. */
  readonly assertionKeys: { readonly privateKey: string; readonly publicKey: string };
}

/** Fresh random secrets that pass every production guard. */
export function productionSecrets(): ProductionSecrets {
  const secret = () => randomBytes(48).toString('base64');
  return {
    jwtSecret: secret(),
    personRefSecret: secret(),
    masterKey: randomBytes(32).toString('base64'),
    metricsToken: secret(),
    assertionKeys: generateAssertionKeys(),
  };
}

/**
 * The environment an app needs to run as in production (not embedded), apart from its port, its
 * database and the gateway's upstream URLs: the gateway gets the assertions' private key, each
 * service the public key, the person-ref key and the personal data master key; all refuse dev login. Services bind to their
 * default, loopback; the gateway to loopback too (`HOST`), as a test platform should.
 */
export function productionEnv(
  app: 'gateway' | (typeof SERVICES)[number],
  secrets: ProductionSecrets,
): Record<string, string> {
  const common = {
    JWT_SECRET: secrets.jwtSecret,
    METRICS_TOKEN: secrets.metricsToken,
    KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    AUTH_DEV_LOGIN: 'false',
    LOG_LEVEL: 'info',
  };
  return app === 'gateway'
    ? { ...common, HOST: '127.0.0.1', [ASSERTION_PRIVATE_KEY_VAR]: secrets.assertionKeys.privateKey }
    : {
        ...common,
        PERSON_REF_SECRET: secrets.personRefSecret,
        PERSONAL_DATA_MASTER_KEY: secrets.masterKey,
        [ASSERTION_PUBLIC_KEY_VAR]: secrets.assertionKeys.publicKey,
      };
}

/**
 * The four apps as separate processes on real PostgreSQL (a fresh database each) and the Kafka
 * broker at KAFKA_BROKERS (default 127.0.0.1:9092), as in production. Logs go to `logDir`.
 * Resolves once the gateway's /health/ready says `ok`: every replica of every service is ready.
 */
export async function startCluster(name: string, options: ClusterOptions = {}): Promise<Cluster> {
  const logDir = join(ROOT, 'tmp', 'e2e-logs', `${name}-${Date.now()}`);
  mkdirSync(logDir, { recursive: true });
  const secrets = productionSecrets();
  const databaseUrls = Object.fromEntries(
    await Promise.all(SERVICES.map(async (s) => [s, await createDatabase(`e2e_${s.replace(/-/g, '_')}`)])),
  ) as Cluster['databaseUrls'];
  const count = (s: Service) => options.replicas?.[s] ?? 1;
  const ports: Record<string, number[]> = Object.fromEntries(
    await Promise.all(
      [...SERVICES, 'gateway' as const].map(
        async (s) =>
          [s, await Promise.all(Array.from({ length: s === 'gateway' ? 1 : count(s) }, freePort))] as const,
      ),
    ),
  );
  const urls = (s: Service) => ports[s].map((p) => `http://127.0.0.1:${p}`);
  const identity = identityEnv(options.identity);
  const serviceUrls = Object.fromEntries(SERVICES.map((s) => [s, urls(s)[0]])) as Cluster['serviceUrls'];
  const children: ChildProcess[] = [];
  const replicas = {} as Cluster['replicas'];
  for (const s of SERVICES) {
    replicas[s] = ports[s].map((port, i) => {
      const env = {
        ...process.env,
        ...productionEnv(s, secrets),
        ...identity,
        [`DATABASE_URL_${envName(s)}`]: databaseUrls[s],
        [`${envName(s)}_PORT`]: String(port),
        ...options.serviceEnv,
      };
      const child = launch(s, logDir, env, count(s) > 1 ? `${s}-${i + 1}` : s);
      children.push(child);
      return { url: urls(s)[i], process: child };
    });
  }
  children.push(
    launch('gateway', logDir, {
      ...process.env,
      ...productionEnv('gateway', secrets),
      ...identity,
      GATEWAY_PORT: String(ports.gateway[0]),
      ...Object.fromEntries(SERVICES.map((s) => [`${envName(s)}_URL`, urls(s).join(',')])),
      ...options.gatewayEnv,
    }),
  );
  const gatewayUrl = `http://127.0.0.1:${ports.gateway[0]}`;
  const stop = async () => {
    await Promise.all(children.map((c) => stopChild(c)));
    await Promise.all(Object.values(databaseUrls).map((u) => dropDatabase(u)));
  };
  try {
    await waitReady(`${gatewayUrl}/health/ready`, children, 90_000);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message} (logs in ${logDir})`);
  }
  return {
    gatewayUrl,
    serviceUrls,
    replicas,
    databaseUrls,
    jwtSecret: secrets.jwtSecret,
    secrets,
    logDir,
    stop,
  };
}

/** The variables of {@link ClusterOptions.identity}; `JWT_SECRET` emptied (a process takes one or the other). */
function identityEnv(identity: ClusterOptions['identity']): Record<string, string> {
  if (!identity) return {};
  return {
    JWT_SECRET: '',
    JWKS_URL: identity.jwksUrl,
    JWT_ISSUER: identity.issuer,
    JWT_AUDIENCE: identity.audience,
  };
}

function launch(app: string, logDir: string, env: NodeJS.ProcessEnv, logName = app): ChildProcess {
  const child = spawnApp(app, env);
  const log = createWriteStream(join(logDir, `${logName}.log`));
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

async function waitReady(url: string, children: ChildProcess[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const dead = children.find((c) => c.exitCode !== null || c.signalCode !== null);
    if (dead) throw new Error(`an app exited with code ${dead.exitCode} before the platform was ready`);
    try {
      // 200 means serving (perhaps degraded); `ok` means every replica of every service is ready.
      const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
      if (res.status === 200 && ((await res.json()) as { status?: string }).status === 'ok') return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the platform was not ready within ${timeoutMs} ms`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(); // exited, or killed
  return new Promise((done) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      done();
    });
    child.kill('SIGTERM');
  });
}
