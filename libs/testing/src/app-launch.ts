import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

// What process-cluster and the fault suite share to run the apps as processes (not exported from
// the lib: the harnesses are the public API).

/** The checkout's root: the apps run from here. */
export const ROOT = resolve(__dirname, '../../..');
export const SERVICES = ['hardship-cases', 'education-grants', 'medical-aid', 'organisation'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** `hardship-cases` → `HARDSHIP_CASES`, the prefix of a service's variables. */
export const envName = (s: string) => s.toUpperCase().replace(/-/g, '_');

/** Spawns `apps/<app>/src/main.ts` from {@link ROOT} with `env`; stdout and stderr piped. */
export function spawnApp(app: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['-r', './tools/register.js', `apps/${app}/src/main.ts`], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
