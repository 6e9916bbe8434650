import { Client } from 'pg';
import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import { EventStore1732300000000 } from '../schema/1732300000000-event-store.migration';
import { EventSeals1732300000200 } from '../schema/1732300000200-seals.migration';
import { EventSnapshots1732300000250 } from '../schema/1732300000250-snapshots.migration';
import { IdempotencyInTransaction1732300000400 } from '../schema/1732300000400-idempotency-in-transaction.migration';
import { PersonalData1732300000500 } from '../schema/1732300000500-personal-data.migration';
import { RestrictedPeople1732300000600 } from '../schema/1732300000600-restricted-people.migration';

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
  EventSnapshots1732300000250,
  IdempotencyInTransaction1732300000400,
  PersonalData1732300000500,
  RestrictedPeople1732300000600,
];

/** Serialises the migrations of replicas that start at once on one database. */
const MIGRATION_LOCK = 7_372_020;

/**
 * Opens a TypeORM DataSource on `pg` and brings the schema up to date with migrations.
 * `synchronize` stays off: every schema change is a reviewed migration. On a server (`url`),
 * replicas starting together take turns (an advisory lock on a connection of its own): two
 * running the same migration at once would collide; the second finds nothing left to do.
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
    // TypeORM drops an undefined (or null) value from a find/update/delete where object, so
    // `findOneBy({ personRef: undefined })` matches every row (issue 14): refuse it instead, for
    // every query of every service. Match SQL NULL with IsNull().
    invalidWhereValuesBehavior: { undefined: 'throw', null: 'throw' },
  });
  await dataSource.initialize();
  const lock = options.url ? new Client({ connectionString: options.url }) : null;
  try {
    await lock?.connect();
    await lock?.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  } finally {
    // Ending the session releases the lock.
    await lock?.end().catch(() => undefined);
  }
  return dataSource;
}
