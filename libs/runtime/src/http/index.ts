export * from './command-context';
export * from './run-command';
export * from './idempotency.interceptor';
