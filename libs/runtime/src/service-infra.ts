import type { DataSource } from 'typeorm';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { ALL_TOPICS, TOPICS } from '@union/contracts';
import {
  AdvisoryLockLeader,
  Checkpoints,
  EventStore,
  openDatabase,
  PersonalData,
  PersonKeys,
  PGLITE_POOL_MAX,
  ProcessingRestrictions,
  SoloLeader,
  type Leader,
  type LeaderRole,
  type MasterKey,
} from '@union/event-store';
import {
  ensureTopics,
  inProcessProbe,
  KafkaProbe,
  writeJsonLine,
  type BrokerProbe,
  InProcessPublisher,
  InProcessServer,
  KafkaPublisher,
  kafkaMicroserviceOptions,
  OutboxRelay,
  type InProcessBus,
  type KafkaSettings,
  type MessagePublisher,
  type RawMessagePublisher,
} from '@union/messaging';
import type { ServiceDefinition } from './service-definition';
import { ACCESS_LOG_MIGRATIONS } from './audit/access-log.migration';
import { PERSON_IDENTITY_MIGRATIONS } from './privacy/person-identities';
import { ORG_UNITS_MIGRATIONS } from './org/org-units.migration';
import { restrictedPeopleProjection } from './privacy/restricted-people.projection';

export type DatabaseTarget =
  { kind: 'postgres'; url: string; poolMax?: number } | { kind: 'pglite'; host: string; port: number };
export type MessagingTarget =
  { kind: 'kafka'; settings: KafkaSettings } | { kind: 'in-process'; bus: InProcessBus };

/** Everything a running service holds outside Nest: database, event store, publisher, relay. */
export interface ServiceInfra {
  definition: ServiceDefinition;
  dataSource: DataSource;
  store: EventStore;
  /** The one place personal fields are sealed and opened, and persons' keys destroyed (issue 18). */
  personalData: PersonalData;
  /** Publishes the relay's events, and consumers' dead letters byte for byte. */
  publisher: MessagePublisher & RawMessagePublisher;
  /** Runs only while `leaders.relay` is this replica (RuntimeModule starts it through it). */
  relay: OutboxRelay;
  /** One relay, one sealer (and one batch runner) per service database, however many replicas run. */
  leaders: Record<LeaderRole, Leader>;
  /** The broker's reachability and the consumer group's lag, for health and metrics. */
  broker: BrokerProbe;
  messaging: MessagingTarget['kind'];
  /** For `app.connectMicroservice`: the transport its `@EventPattern` consumers listen on. */
  microservice(): MicroserviceOptions;
  close(): Promise<void>;
}

/**
 * Opens the service's database (migrations first), its event store with the inline projections,
 * the publisher (Kafka or the in-process bus), the outbox relay (not started yet) and the
 * leadership of the relay and the sealer: an advisory lock on PostgreSQL, where replicas share
 * the database; always this process on PGlite, which only one process can open (and whose
 * connections share one backend, so a lock there would exclude nobody).
 */
export async function openServiceInfra(
  definition: ServiceDefinition,
  database: DatabaseTarget,
  messaging: MessagingTarget,
  masterKey: MasterKey,
): Promise<ServiceInfra> {
  const dataSource = await openDatabase({
    ...(database.kind === 'postgres'
      ? { url: database.url, poolMax: database.poolMax ?? 10 }
      : { host: database.host, port: database.port, poolMax: PGLITE_POOL_MAX }),
    // The runtime's own tables before the service's: the access log, and the copy of the union's
    // tree in every service that consumes it (the organisation service keeps the tree itself,
    // in a table of the same name and shape, which OrgScope reads there).
    migrations: [
      ...ACCESS_LOG_MIGRATIONS,
      // Full identity numbers, sealed, for reads with a stated purpose: services holding people.
      ...(definition.personalFields ? PERSON_IDENTITY_MIGRATIONS : []),
      ...(definition.consumes.includes(TOPICS.organisationUnits) ? ORG_UNITS_MIGRATIONS : []),
      ...definition.migrations,
    ],
    entities: definition.entities,
  });
  // A master key that does not open this database's data keys stops the service here, at start.
  const personKeys = new PersonKeys(masterKey);
  try {
    await personKeys.assertMasterKey(dataSource.manager);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  const personalData = new PersonalData(
    personKeys,
    definition.personalFields ?? {},
    new ProcessingRestrictions(definition.restrictedPersonPasses ?? []),
  );
  const store = new EventStore(dataSource, {
    // The service's read models, and who is restricted here (kept with the privacy events).
    projections: [...definition.projections, restrictedPeopleProjection],
    upcasters: definition.upcasters,
    personalData,
  });
  let publisher: MessagePublisher & RawMessagePublisher;
  let broker: BrokerProbe = inProcessProbe;
  let disconnect: () => Promise<void> = () => Promise.resolve();
  if (messaging.kind === 'kafka') {
    await ensureTopics(messaging.settings, ALL_TOPICS);
    const kafka = new KafkaPublisher(messaging.settings);
    await kafka.connect();
    publisher = kafka;
    broker = new KafkaProbe(messaging.settings, { groupId: definition.name, topics: definition.consumes });
    disconnect = () => kafka.disconnect();
  } else {
    publisher = new InProcessPublisher(messaging.bus);
  }
  const leader = (role: LeaderRole): Leader =>
    database.kind === 'postgres'
      ? new AdvisoryLockLeader({
          role,
          url: database.url,
          onChange: (leading, reason) =>
            writeJsonLine({
              level: leading ? 'info' : 'warn',
              message: leading
                ? `this replica now runs the ${role}`
                : `this replica stopped running the ${role}`,
              service: definition.name,
              reason,
            }),
        })
      : new SoloLeader(role);
  // `batches` connects only once a service runs a task under it (hardship's holiday batches).
  const leaders = { relay: leader('relay'), sealer: leader('sealer'), batches: leader('batches') };
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
    personalData,
    publisher,
    relay,
    leaders,
    broker,
    messaging: messaging.kind,
    microservice: () =>
      messaging.kind === 'kafka'
        ? kafkaMicroserviceOptions(messaging.settings, definition.name)
        : { strategy: new InProcessServer({ bus: messaging.bus, groupId: definition.name }) },
    async close() {
      await leaders.relay.stop();
      await leaders.sealer.stop();
      await leaders.batches.stop();
      await relay.stop();
      await broker.close();
      await disconnect();
      await dataSource.destroy();
    },
  };
}
