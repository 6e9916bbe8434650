import type { DataSource } from 'typeorm';

/**
 * Whether the data source's pool has a single connection: how PGlite is used (it answers one
 * connection at a time, `PGLITE_POOL_MAX`), and it is one backend session for every client that
 * connects to it, so neither a second connection (verify's workers) nor a named statement that
 * outlives its client (the append's) may be used with it.
 */
export function singleConnection(dataSource: DataSource): boolean {
  return (dataSource.options.extra as { max?: number } | undefined)?.max === 1;
}
