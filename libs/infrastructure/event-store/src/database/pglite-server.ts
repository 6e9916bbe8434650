import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface PgliteServer {
  /** Connection settings for `pg`: a unix-socket directory and the port that names the socket. */
  host: string;
  port: number;
  /** Drops every connection and refuses new ones, keeping the data: the database "goes away". */
  pause(): Promise<void>;
  /** Answers again after {@link pause}. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

/** PGlite answers one connection at a time: pools that talk to it must have exactly one. */
export const PGLITE_POOL_MAX = 1;

/**
 * Real Postgres (compiled to WASM) served over the wire protocol on a unix socket, so the
 * services use the same `pg` driver and SQL as in production. `dataDir` keeps the data across
 * restarts; without it the database lives in memory (tests).
 */
export async function startPgliteServer(dataDir?: string): Promise<PgliteServer> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const socketDir = mkdtempSync(join(tmpdir(), 'pglite-'));
  const port = 5432;
  const server = new PGLiteSocketServer({ db, path: join(socketDir, `.s.PGSQL.${port}`) });
  await server.start();
  return {
    host: socketDir,
    port,
    pause: () => server.stop(),
    resume: () => server.start(),
    async stop() {
      await server.stop();
      await db.close();
      rmSync(socketDir, { recursive: true, force: true });
    },
  };
}
