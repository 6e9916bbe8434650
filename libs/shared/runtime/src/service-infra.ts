import type { DataSource } from 'typeorm';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { ALL_TOPICS } from '@union/contracts';
import { Checkpoints, EventStore, openDatabase, PGLITE_POOL_MAX } from '@union/event-store';
import {
  ensureTopics,
  InProcessPublisher,
  InProcessServer,
  KafkaPublisher,
  kafkaMicroserviceOptions,
  OutboxRelay,
  type InProcessBus,
  type KafkaSettings,
  type MessagePublisher,
} from '@union/messaging';
import type { ServiceDefinition } from './service-definition';
import { ACCESS_LOG_MIGRATIONS } from './audit/access-log.migration';

export type DatabaseTarget =
  { kind: 'postgres'; url: string; poolMax?: number } | { kind: 'pglite'; host: string; port: number };
export type MessagingTarget =
  { kind: 'kafka'; settings: KafkaSettings } | { kind: 'in-process'; bus: InProcessBus };

/** Everything a running service holds outside Nest: database, event store, publisher, relay. */
export interface ServiceInfra {
  definition: ServiceDefinition;
  dataSource: DataSource;
  store: EventStore;
  publisher: MessagePublisher;
  relay: OutboxRelay;
  messaging: MessagingTarget['kind'];
  /** For `app.connectMicroservice`: the transport its `@EventPattern` consumers listen on. */
  microservice(): MicroserviceOptions;
  close(): Promise<void>;
}

/**
 * Opens the service's database (migrations first), its event store with the inline projections,
 * the publisher (Kafka or the in-process bus) and the outbox relay (not started yet).
 */
export async function openServiceInfra(
  definition: ServiceDefinition,
  database: DatabaseTarget,
  messaging: MessagingTarget,
): Promise<ServiceInfra> {
  const dataSource = await openDatabase({
    ...(database.kind === 'postgres'
      ? { url: database.url, poolMax: database.poolMax ?? 10 }
      : { host: database.host, port: database.port, poolMax: PGLITE_POOL_MAX }),
    // The runtime's own table (the access log) before the service's.
    migrations: [...ACCESS_LOG_MIGRATIONS, ...definition.migrations],
    entities: definition.entities,
  });
  const store = new EventStore(dataSource, {
    projections: definition.projections,
    upcasters: definition.upcasters,
  });
  let publisher: MessagePublisher;
  let disconnect: () => Promise<void> = () => Promise.resolve();
  if (messaging.kind === 'kafka') {
    await ensureTopics(messaging.settings, ALL_TOPICS);
    const kafka = new KafkaPublisher(messaging.settings);
    await kafka.connect();
    publisher = kafka;
    disconnect = () => kafka.disconnect();
  } else {
    publisher = new InProcessPublisher(messaging.bus);
  }
  const relay = new OutboxRelay({
    name: `relay:${definition.publishes}`,
    store,
    checkpoints: new Checkpoints(dataSource),
    publisher,
    map: (e) => definition.toMessage(e),
  });
  return {
    definition,
    dataSource,
    store,
    publisher,
    relay,
    messaging: messaging.kind,
    microservice: () =>
      messaging.kind === 'kafka'
        ? kafkaMicroserviceOptions(messaging.settings, definition.name)
        : { strategy: new InProcessServer({ bus: messaging.bus, groupId: definition.name }) },
    async close() {
      await relay.stop();
      await disconnect();
      await dataSource.destroy();
    },
  };
}
