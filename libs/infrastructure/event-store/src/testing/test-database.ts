import type { DataSource } from 'typeorm';
import { createDatabase, dropDatabase } from './postgres-databases';
import { openDatabase, type DatabaseOptions } from '../database/data-source';
import { startPgliteServer, PGLITE_POOL_MAX } from '../database/pglite-server';

export interface TestDatabase {
  dataSource: DataSource;
  close(): Promise<void>;
}

/** A fresh in-memory Postgres (PGlite over the wire protocol) with the migrations applied. */
export async function createTestDatabase(
  options: Omit<DatabaseOptions, 'poolMax' | 'url' | 'host' | 'port'> = {},
): Promise<TestDatabase> {
  const server = await startPgliteServer();
  const dataSource = await openDatabase({
    ...options,
    host: server.host,
    port: server.port,
    poolMax: PGLITE_POOL_MAX,
  });
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
  const url = await createDatabase('test');
  const dataSource = await openDatabase({ ...options, url, poolMax: options.poolMax ?? 20 });
  return {
    dataSource,
    async close() {
      await dataSource.destroy();
      await dropDatabase(url);
    },
  };
}
