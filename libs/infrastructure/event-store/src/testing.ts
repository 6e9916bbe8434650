// Test fixtures of the event store (a separate entry, kept out of production code).
export * from './testing/test-database';
export * from './testing/postgres-databases';
export * from './testing/counter.fixture';
