import type { Provider } from '@nestjs/common';
import { IntegrationConsumer } from '@union/messaging';
import { MetricsRegistry } from '@union/platform';
import { SERVICE_INFRA } from '../runtime.di-tokens';
import type { ServiceInfra } from '../service-infra';

/** The metric every consumer counts its dead letters in, by consumer, topic and kind. */
export const DEAD_LETTERED_METRIC = 'integration_events_dead_lettered_total';

/**
 * An inbox-backed consumer under `token`: `name` names its inbox (as `<service>:<name>`), stable
 * across releases. Its dead letters go through the service's publisher, byte for byte, and are
 * counted in {@link DEAD_LETTERED_METRIC} (`kind`: `contract`, never valid; `effect`, kept failing).
 */
export function integrationConsumerProvider(token: symbol, name: string): Provider {
  return {
    provide: token,
    inject: [SERVICE_INFRA, MetricsRegistry],
    useFactory: (infra: ServiceInfra, metrics: MetricsRegistry) =>
      new IntegrationConsumer({
        dataSource: infra.dataSource,
        publisher: infra.publisher,
        consumer: `${infra.definition.name}:${name}`,
        deadLettered: metrics.counter(
          DEAD_LETTERED_METRIC,
          'Integration events parked on <topic>.dlq, by consumer, topic and kind (contract: never valid; effect: kept failing).',
          ['consumer', 'topic', 'kind'],
        ),
      }),
  };
}
