import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import { EventStore1732300000000 } from '../schema/1732300000000-event-store.migration';
import { EventSeals1732300000200 } from '../schema/1732300000200-seals.migration';
import { IdempotencyInTransaction1732300000400 } from '../schema/1732300000400-idempotency-in-transaction.migration';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type MigrationClass = Function;

export interface DatabaseOptions {
  /** `postgres://…` for a real server. */
  url?: string;
  /** Or host (a unix-socket directory for PGlite) and port. */
  host?: string;
  port?: number;
  poolMax: number;
  /** The service's own migrations; the event store's come first. */
  migrations?: MigrationClass[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: MixedList<Function | string | EntitySchema>;
}

/** The event store's schema, to run before a service's own migrations. */
export const EVENT_STORE_MIGRATIONS: MigrationClass[] = [
  EventStore1732300000000,
  EventSeals1732300000200,
  IdempotencyInTransaction1732300000400,
];

/**
 * Opens a TypeORM DataSource on `pg` and brings the schema up to date with migrations.
 * `synchronize` stays off: every schema change is a reviewed migration.
 */
export async function openDatabase(options: DatabaseOptions): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: options.url,
    host: options.url ? undefined : options.host,
    port: options.url ? undefined : options.port,
    username: options.url ? undefined : 'postgres',
    database: options.url ? undefined : 'postgres',
    synchronize: false,
    migrationsRun: false,
    migrations: [...EVENT_STORE_MIGRATIONS, ...(options.migrations ?? [])],
    entities: options.entities ?? [],
    extra: { max: options.poolMax, connectionTimeoutMillis: 10000 },
    logging: false,
  });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
