import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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
  const db = await openDatabase(dataDir);
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

/**
 * The database in `dataDir` (in memory without one). PGlite's initdb takes seconds of CPU, and the
 * tests and the console's suite start hundreds of databases: the first one made on this machine
 * is dumped, as initdb left it, to a file in the temporary directory (one per PGlite version), and
 * later new ones are loaded from it, the same files initdb would have written. A data directory
 * that already holds a database is opened as it is; a dump that cannot be loaded is made again.
 */
async function openDatabase(dataDir: string | undefined): Promise<PGlite> {
  if (dataDir && existsSync(join(dataDir, 'PG_VERSION'))) return PGlite.create(dataDir);
  const template = join(tmpdir(), `union-pglite-initdb-${pgliteVersion()}.tar`);
  if (existsSync(template)) {
    try {
      return await PGlite.create(dataDir, { loadDataDir: new Blob([readFileSync(template)]) });
    } catch {
      rmSync(template, { force: true });
      if (dataDir) {
        rmSync(dataDir, { recursive: true, force: true }); // what the failed load left
        mkdirSync(dataDir, { recursive: true });
      }
    }
  }
  const db = await PGlite.create(dataDir);
  const dump = await db.dumpDataDir('none');
  const partial = `${template}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, template); // whole or not at all, when two test workers race
  return db;
}

/** The installed PGlite's version, from its package.json (which its exports do not list). */
function pgliteVersion(): string {
  for (let dir = dirname(require.resolve('@electric-sql/pglite')); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as {
      name?: string;
      version: string;
    };
    if (name === '@electric-sql/pglite') return version;
  }
  throw new Error('the installed @electric-sql/pglite has no package.json');
}
