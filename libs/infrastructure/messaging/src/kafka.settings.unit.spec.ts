import { isKafkaConfigured, kafkaSettingsFromEnv } from './kafka.settings';
import {
  IntegrationKafkaServer,
  kafkaMicroserviceOptions,
  kafkaServerOptions,
} from './kafka-microservice.options';

describe('kafkaSettingsFromEnv', () => {
  it('reads the broker list and client id, defaulting the id to the service name', () => {
    expect(kafkaSettingsFromEnv('grants', { KAFKA_BROKERS: ' k1:9092, k2:9092 ,' })).toEqual({
      brokers: ['k1:9092', 'k2:9092'],
      clientId: 'grants',
    });
    expect(
      kafkaSettingsFromEnv('grants', { KAFKA_BROKERS: 'k1:9092', KAFKA_CLIENT_ID: 'g-1' }).clientId,
    ).toBe('g-1');
  });

  it('refuses a missing or malformed broker list with a sentence saying what to fix', () => {
    expect(isKafkaConfigured({})).toBe(false);
    expect(() => kafkaSettingsFromEnv('grants', {})).toThrow(/KAFKA_BROKERS is not set/);
    expect(() => kafkaSettingsFromEnv('grants', { KAFKA_BROKERS: 'k1' })).toThrow(/not host:port: k1/);
  });
});

describe('kafkaMicroserviceOptions', () => {
  it('uses our group id exactly and fresh objects per call (ServerKafka mutates them)', () => {
    const settings = { brokers: ['k1:9092'], clientId: 'grants' };
    const a = kafkaServerOptions(settings, 'grants.eligibility');
    const b = kafkaServerOptions(settings, 'grants.eligibility');
    expect(a).toMatchObject({
      postfixId: '',
      consumer: { groupId: 'grants.eligibility', maxWaitTimeInMs: 100, allowAutoTopicCreation: false },
      subscribe: { fromBeginning: true },
    });
    expect(a.run).not.toBe(b.run);
  });

  it('consumes through a Kafka server that keeps the bytes it received', () => {
    const options = kafkaMicroserviceOptions({ brokers: ['k1:9092'], clientId: 'grants' }, 'grants');
    expect((options as { strategy: unknown }).strategy).toBeInstanceOf(IntegrationKafkaServer);
  });
});
