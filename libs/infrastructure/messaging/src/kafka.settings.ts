import { logLevel, type KafkaConfig } from 'kafkajs';
import { jsonLogCreator } from './kafka.log-creator';

/** Where the Kafka cluster is and who we are to it. */
export interface KafkaSettings {
  brokers: string[];
  clientId: string;
}

/** True when KAFKA_BROKERS is set: run against Kafka instead of the in-process bus. */
export const isKafkaConfigured = (env: NodeJS.ProcessEnv = process.env): boolean =>
  (env.KAFKA_BROKERS ?? '').trim() !== '';

/**
 * Reads KAFKA_BROKERS (comma-separated host:port list) and KAFKA_CLIENT_ID (default: the
 * service's name). Throws a sentence saying what to fix, so a misconfigured service refuses to
 * start instead of retrying against a broker that does not exist.
 */
export function kafkaSettingsFromEnv(
  defaultClientId: string,
  env: NodeJS.ProcessEnv = process.env,
): KafkaSettings {
  const brokers = (env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b !== '');
  if (brokers.length === 0) {
    throw new Error(
      'KAFKA_BROKERS is not set: give a comma-separated list of host:port, e.g. 127.0.0.1:9092.',
    );
  }
  const malformed = brokers.filter((b) => !/^[^\s:]+:\d{1,5}$/.test(b));
  if (malformed.length > 0) {
    throw new Error(`KAFKA_BROKERS has entries that are not host:port: ${malformed.join(', ')}.`);
  }
  const clientId = (env.KAFKA_CLIENT_ID ?? '').trim() || defaultClientId;
  if (!clientId) throw new Error('KAFKA_CLIENT_ID is empty and no default client id was given.');
  return { brokers, clientId };
}

/**
 * The kafkajs client configuration shared by the producer, the admin client and the Nest
 * consumer, so all three behave alike when the broker is slow or away.
 */
export function kafkaClientConfig(settings: KafkaSettings): KafkaConfig {
  return {
    clientId: settings.clientId,
    brokers: settings.brokers,
    // kafkajs filters by level before calling the log creator: INFO would be one line per
    // connection and rebalance step; warnings and errors are what an operator acts on.
    logLevel: logLevel.WARN,
    logCreator: jsonLogCreator(),
    // The broker is local or in the same network: 3 s (default 1 s) tolerates a busy broker
    // at start without hiding a dead one for long.
    connectionTimeout: 3000,
    // Retry a lost connection fast at first, and never wait more than 5 s between attempts,
    // so a broker that comes back is used again within seconds (the default caps at 30 s).
    retry: { initialRetryTime: 100, maxRetryTime: 5000, retries: 8 },
  };
}
