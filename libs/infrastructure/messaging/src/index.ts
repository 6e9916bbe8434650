// Public API of @union/messaging: the messaging port, its Kafka and in-process transports,
// the outbox relay and the idempotent consumer.
export * from './messaging.port';
export * from './messaging.di-tokens';
export * from './received-message';
export * from './json-log';
export * from './kafka.settings';
export * from './kafka.log-creator';
export * from './kafka.publisher';
export * from './kafka.topics';
export * from './kafka-microservice.options';
export * from './in-process.bus';
export * from './in-process.publisher';
export * from './in-process.server';
export * from './integration.consumer';
export * from './dead-letter';
export * from './raw-kafka.parser';
export * from './consumed-message';
export * from './outbox.relay';
export * from './broker.probe';
export * from './integration-message';
