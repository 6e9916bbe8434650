import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { IdpConfig } from './identity-provider';

const ROOT = join(__dirname, '..', '..', '..', '..');

export interface RunningIdp {
  readonly issuer: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts identity-provider.ts as a process of its own; resolves once it listens. */
export function spawnIdentityProvider(config: IdpConfig, timeoutMs = 60_000): Promise<RunningIdp> {
  const child = spawn(
    process.execPath,
    ['-r', './tools/register.js', 'apps/console/e2e/oidc/identity-provider.ts'],
    {
      cwd: ROOT,
      env: { ...process.env, IDP_CONFIG: JSON.stringify(config) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the identity provider did not start in ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = /^\{"issuer":.*\}$/m.exec(out);
      if (line) {
        clearTimeout(timer);
        resolve({ issuer: (JSON.parse(line[0]) as { issuer: string }).issuer, process: child, stop });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the identity provider exited with ${code}:\n${out}`));
    });
  });
}

/** A loopback port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
