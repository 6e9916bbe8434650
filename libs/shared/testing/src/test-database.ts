import type { DataSource } from 'typeorm';
import { openDatabase, startPgliteServer, PGLITE_POOL_MAX, type DatabaseOptions } from '@union/event-store';

export interface TestDatabase {
  dataSource: DataSource;
  close(): Promise<void>;
}

/** A fresh in-memory Postgres (PGlite over the wire protocol) with the migrations applied. */
export async function createTestDatabase(
  options: Omit<DatabaseOptions, 'poolMax' | 'url' | 'host' | 'port'> = {},
): Promise<TestDatabase> {
  const server = await startPgliteServer();
  const dataSource = await openDatabase({ ...options, host: server.host, port: server.port, poolMax: PGLITE_POOL_MAX });
  return {
    dataSource,
    async close() {
      await dataSource.destroy();
      await server.stop();
    },
  };
}

/**
 * A fresh database on the real PostgreSQL server named by TEST_DATABASE_URL (default: the local
 * server), for tests that need several connections at once (races, commit order).
 */
export async function createPostgresTestDatabase(
  options: Omit<DatabaseOptions, 'poolMax' | 'url' | 'host' | 'port'> & { poolMax?: number } = {},
): Promise<TestDatabase> {
  const { Client } = await import('pg');
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dataSource = await openDatabase({ ...options, url: url.toString(), poolMax: options.poolMax ?? 20 });
  return {
    dataSource,
    async close() {
      await dataSource.destroy();
      const drop = new Client({ connectionString: adminUrl });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}
