import { logLevel, type logCreator } from 'kafkajs';
import { writeJsonLine, type JsonLog } from './json-log';

/**
 * Warnings we cause on purpose and have decided about; logging them on every start would teach
 * operators to ignore warnings.
 */
const EXPECTED_WARNINGS = [
  // KafkaPublisher bounds the idempotent producer's retries so that `publish` rejects when the
  // broker is away (the relay then backs off and reports it); consumers deduplicate by event
  // id, so we do not rely on exactly-once delivery.
  'Limiting retries for the idempotent producer may invalidate EoS guarantees',
];

/**
 * A kafkajs logCreator writing one JSON line per entry at WARN and ERROR, instead of kafkajs's
 * default console format (or Nest's KafkaLogger, which prints multi-line text).
 */
export function jsonLogCreator(log: JsonLog = writeJsonLine): logCreator {
  return () =>
    ({ namespace, level, log: entry }) => {
      if (level === logLevel.NOTHING || level > logLevel.WARN) return;
      const { message, timestamp: _timestamp, logger: _logger, ...fields } = entry;
      if (EXPECTED_WARNINGS.includes(message)) return;
      log({
        level: level === logLevel.ERROR ? 'error' : 'warn',
        message,
        source: 'kafkajs',
        namespace,
        ...fields,
      });
    };
}
