import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

/** A PostgreSQL cluster of the suite's own: restarting it cuts nothing else on the machine. */
export interface PostgresCluster {
  port: number;
  /** `postgres://postgres@127.0.0.1:<port>/<database>`. */
  url(database: string): string;
  /** `pg_ctl restart`: `immediate` is a crash (recovery from the WAL), `fast` a clean stop. */
  restart(mode: 'fast' | 'immediate'): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The newest server binaries as a Debian machine installs them (`postgresql` package:
 * /usr/lib/postgresql/<major>/bin), or PG_BIN_DIR.
 */
export function postgresBinDir(): string {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (majors.length === 0)
    throw new Error(`no PostgreSQL server under ${root} (apt-get install postgresql, or set PG_BIN_DIR)`);
  return join(root, majors[0], 'bin');
}

/**
 * initdb into `dir` (trust auth, 127.0.0.1 only, pg_stat_statements loaded so the suite can count
 * the inbox's absorbed duplicates), start it on `port`, and create `databases`. PostgreSQL refuses
 * to run as root, so under root the server runs as the `postgres` user the package creates.
 */
export async function startPostgresCluster(
  dir: string,
  port: number,
  databases: readonly string[],
): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? await postgresUser() : null;
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const pg = (tool: string, args: string[]) => {
    const [file, argv] = owner
      ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]]
      : [join(bin, tool), args];
    return run(file, argv, { cwd: dir, maxBuffer: 16 * 1024 * 1024 });
  };
  const data = join(dir, 'data');
  await pg('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  // fsync off: the machine does not crash in this suite, only the server, and the kernel keeps
  // the written pages, so recovery after `immediate` is still exact; synchronous_commit stays on
  // so an answered commit is durable across the restart.
  writeFileSync(
    join(data, 'postgresql.auto.conf'),
    [
      `port = ${port}`,
      `listen_addresses = '127.0.0.1'`,
      // TCP only: a socket path under a deep checkout could pass the 107-byte limit.
      `unix_socket_directories = ''`,
      'max_connections = 300',
      'fsync = off',
      'full_page_writes = off',
      `shared_preload_libraries = 'pg_stat_statements'`,
      'pg_stat_statements.max = 2000',
      '',
    ].join('\n'),
  );
  if (owner) chownSync(join(data, 'postgresql.auto.conf'), owner.uid, owner.gid);
  const log = join(dir, 'postgres.log');
  const ctl = (args: string[]) => pg('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', ...args]);
  await ctl(['start']);
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  await withClient(url('postgres'), async (c) => {
    await c.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    for (const db of databases) await c.query(`CREATE DATABASE ${db}`);
  });
  return {
    port,
    url,
    restart: async (mode) => void (await ctl(['restart', '-m', mode])),
    stop: async () => void (await ctl(['stop', '-m', 'fast']).catch(() => undefined)),
  };
}

/** Stops (immediate) a cluster an aborted run left running in `dir`, before its files are removed. */
export async function stopLeftoverCluster(dir: string): Promise<void> {
  const data = join(dir, 'data');
  if (!existsSync(join(data, 'postmaster.pid'))) return;
  const ctl = join(postgresBinDir(), 'pg_ctl');
  const args = ['-D', data, 'stop', '-m', 'immediate', '-w'];
  const asRoot = process.getuid?.() === 0;
  await run(asRoot ? 'runuser' : ctl, asRoot ? ['-u', 'postgres', '--', ctl, ...args] : args).catch(
    () => undefined,
  );
}

/** Runs `work` on a fresh connection to `url`, closed afterwards. */
export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}
