import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { TOPICS, type OrganisationIntegrationEvent } from '@union/contracts';
import { IntegrationConsumer, readReceivedMessage } from '@union/messaging';
import { ORG_UNITS_CONSUMER } from './org-scope.di-tokens';
import { applyOrgUnitEvent } from './org-units.projection';

/** The `organisation.units.v1` events the tree follows: all of them. */
const READS: readonly OrganisationIntegrationEvent['type'][] = [
  'OrgUnitCreated',
  'OrgUnitRenamed',
  'OrgUnitMoved',
  'OrgUnitClosed',
];

/**
 * Keeps `org_units` from `organisation.units.v1`, once per event id (inbox `<service>:org-units`),
 * through the service's transport (the in-process bus in the embedded default, Kafka otherwise).
 * A move rewrites its subtree's paths in the transaction that records the event, so who sees
 * what changes as soon as this service has the event.
 */
@Controller()
export class OrgUnitsConsumer {
  constructor(@Inject(ORG_UNITS_CONSUMER) private readonly consumer: IntegrationConsumer) {}

  @EventPattern(TOPICS.organisationUnits)
  async onOrgEvent(@Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(readReceivedMessage(context), READS, (tx, event) =>
      applyOrgUnitEvent(tx, event),
    );
  }
}
