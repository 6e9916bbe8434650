import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { IdpConfig } from './identity-provider';

const ROOT = join(__dirname, '..', '..', '..', '..');

export interface RunningIdp {
  readonly issuer: string;
  /** Registers the console at `origin` as the provider's client; resolves once it serves. */
  registerConsole(origin: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts identity-provider.ts as a process of its own; resolves with its issuer once it listens
 * (on a port it chose itself). Its output lines are JSON; anything else (warnings) is kept for errors.
 */
export function spawnIdentityProvider(config: IdpConfig, timeoutMs = 60_000): Promise<RunningIdp> {
  const child = spawn(
    process.execPath,
    ['-r', './tools/register.js', 'apps/console/e2e/oidc/identity-provider.ts'],
    {
      cwd: ROOT,
      env: { ...process.env, IDP_CONFIG: JSON.stringify(config) },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const waiting: ((message: Record<string, unknown>) => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (!line.startsWith('{')) return void (log += `${line}\n`);
    waiting.shift()?.(JSON.parse(line) as Record<string, unknown>);
  });
  /** The next message, or a refusal naming what the process said when it exited or stalled. */
  const next = (what: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the identity provider: ${what} not within ${timeoutMs} ms:\n${log}`)),
        timeoutMs,
      );
      const exited = (code: number | null) =>
        reject(new Error(`the identity provider exited with ${code}:\n${log}`));
      child.once('exit', exited);
      waiting.push((message) => {
        clearTimeout(timer);
        child.off('exit', exited);
        resolve(message);
      });
    });
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
  return next('listening').then(
    ({ issuer }) => ({
      issuer: issuer as string,
      registerConsole: async (origin: string) => {
        const ready = next('ready');
        child.stdin?.write(`${JSON.stringify({ consoleOrigin: origin })}\n`);
        await ready;
      },
      stop,
    }),
    async (error: unknown) => {
      await stop();
      throw error;
    },
  );
}
