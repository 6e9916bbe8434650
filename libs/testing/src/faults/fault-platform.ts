import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { envName, freePort, ROOT, SERVICES, type ServiceName } from '../app-launch';
import { productionEnv, productionSecrets } from '../process-cluster';
import { appProcess, killLeftoverApps, type AppProcess } from './app-process';
import { startKafkaBroker, stopLeftoverBroker, type KafkaBroker } from './kafka-broker';
import { startPostgresCluster, stopLeftoverCluster, type PostgresCluster } from './postgres-cluster';

export { ROOT, SERVICES, type ServiceName };

const dbName = (s: ServiceName) => s.replace(/-/g, '_');

/** Everything the suite runs: its own PostgreSQL and broker, two replica slots per service, the gateway. */
export interface FaultPlatform {
  dir: string;
  pg: PostgresCluster;
  kafka: KafkaBroker;
  databaseUrls: Record<ServiceName, string>;
  /** [0] runs from the start; [1] is started by the replica phase. */
  replicas: Record<ServiceName, [AppProcess, AppProcess]>;
  gateway: AppProcess;
  gatewayUrl: string;
  jwtSecret: string;
  /** Restarts the gateway routing each service to both replicas (`<SERVICE>_URL=a,b`). */
  routeToBothReplicas(): Promise<void>;
  processes(): AppProcess[];
  stop(): Promise<void>;
}

/**
 * Boots the platform under `tmp/faults/`: a throwaway PostgreSQL cluster and Kafka broker on free
 * ports (nothing else on the machine is touched when the suite cuts them), then the three services
 * and the gateway as separate processes in production mode, as process-cluster runs them.
 */
export async function startFaultPlatform(): Promise<FaultPlatform> {
  const dir = join(ROOT, 'tmp', 'faults');
  const logDir = join(dir, 'logs');
  // What an aborted run (Ctrl-C, a killed CI job) left running, found by its own pid files.
  killLeftoverApps(logDir);
  await Promise.all([stopLeftoverBroker(ROOT, join(dir, 'kafka')), stopLeftoverCluster(join(dir, 'pg'))]);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(logDir, { recursive: true });
  const [pgPort, kafkaPort] = [await freePort(), await freeKafkaPorts()];
  const [pg, kafka] = await Promise.all([
    startPostgresCluster(join(dir, 'pg'), pgPort, SERVICES.map(dbName)),
    startKafkaBroker(ROOT, join(dir, 'kafka'), kafkaPort),
  ]);
  // Production mode, as process-cluster runs it (the gateway's assertion keys and all), on our broker.
  const secrets = productionSecrets();
  const common = (app: 'gateway' | ServiceName): NodeJS.ProcessEnv => ({
    ...process.env,
    ...productionEnv(app, secrets),
    KAFKA_BROKERS: kafka.brokers,
    // Seals every 2 s, so sealing runs through every fault (and, with two replicas, side by side).
    SEAL_INTERVAL_MS: '2000',
  });
  const databaseUrls = Object.fromEntries(SERVICES.map((s) => [s, pg.url(dbName(s))])) as Record<
    ServiceName,
    string
  >;
  const replicas = {} as FaultPlatform['replicas'];
  for (const s of SERVICES) {
    const slot = async (n: number) => {
      const port = await freePort();
      return appProcess({
        id: `${s}#${n}`,
        app: s,
        port,
        logDir,
        readyPath: '/health/ready',
        env: {
          ...common(s),
          [`DATABASE_URL_${envName(s)}`]: databaseUrls[s],
          [`${envName(s)}_PORT`]: String(port),
        },
      });
    };
    replicas[s] = [await slot(1), await slot(2)];
  }
  const gatewayPort = await freePort();
  const gatewayEnv = (urls: (s: ServiceName) => string): NodeJS.ProcessEnv => ({
    ...common('gateway'),
    GATEWAY_PORT: String(gatewayPort),
    RATE_LIMIT_PER_MINUTE: '1000000',
    ...Object.fromEntries(SERVICES.map((s) => [`${envName(s)}_URL`, urls(s)])),
  });
  const gateway = appProcess({
    id: 'gateway',
    app: 'gateway',
    port: gatewayPort,
    logDir,
    readyPath: '/health/live',
    env: gatewayEnv((s) => replicas[s][0].url),
  });
  const processes = () => [...SERVICES.flatMap((s) => replicas[s]), gateway];
  const stop = async () => {
    await Promise.all(processes().map((p) => p.close()));
    await Promise.all([kafka.close().then(() => kafka.stop()), pg.stop()]);
  };
  try {
    await Promise.all(SERVICES.map((s) => replicas[s][0].start()));
    await gateway.start();
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message} (logs in ${logDir})`);
  }
  return {
    dir,
    pg,
    kafka,
    databaseUrls,
    replicas,
    gateway,
    gatewayUrl: gateway.url,
    jwtSecret: secrets.jwtSecret,
    async routeToBothReplicas() {
      await gateway.stop();
      try {
        await gateway.start(gatewayEnv((s) => replicas[s].map((r) => r.url).join(',')));
      } catch (error) {
        // A gateway that refuses the list leaves the platform on one replica each, still serving.
        await gateway.start(gatewayEnv((s) => replicas[s][0].url));
        throw error;
      }
    },
    processes,
    stop,
  };
}

/** A port whose successor is free too (the broker's controller listens on port + 1). */
async function freeKafkaPorts(): Promise<number> {
  for (;;) {
    const port = await freePort();
    if (port < 65535 && (await isFree(port + 1))) return port;
  }
}

function isFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}
