import { Controller, Inject, Optional } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import {
  evolveEligibility,
  TOPICS,
  type HardshipEligibility,
  type HardshipIntegrationEvent,
} from '@union/contracts';
import { causedBy, IntegrationConsumer, readReceivedMessage, type CausedBy } from '@union/messaging';
import { HardshipEligibilityEntity } from './hardship-eligibility.entity';
import { ELIGIBILITY_CONSUMER, ELIGIBILITY_LISTENER } from './hardship-eligibility.di-tokens';

/** The `hardship.cases.v1` events eligibility follows: all of them. */
const READS: readonly HardshipIntegrationEvent['type'][] = [
  'HardshipCaseOpened',
  'HardshipTierChanged',
  'HardshipCaseClosed',
  'HardshipCaseReopened',
];

/**
 * A service that must react when a person's eligibility changes (grants: applications on hold).
 * `cause` is the consumed message's chain of causes, for the events the listener appends.
 */
export interface EligibilityListener {
  onEligibilityChanged(
    tx: EntityManager,
    before: HardshipEligibility | null,
    after: HardshipEligibility | null,
    event: HardshipIntegrationEvent,
    cause: CausedBy,
  ): Promise<void>;
}

/**
 * Keeps `hardship_eligibility` from `hardship.cases.v1`, once per event id (inbox). Each event is
 * read against its contract first: one without a personRef, with an unknown tier and so on
 * goes to the DLQ and changes no row (IntegrationConsumer).
 */
@Controller()
export class HardshipEligibilityConsumer {
  constructor(
    @Inject(ELIGIBILITY_CONSUMER) private readonly consumer: IntegrationConsumer,
    @Optional() @Inject(ELIGIBILITY_LISTENER) private readonly listener?: EligibilityListener,
  ) {}

  @EventPattern(TOPICS.hardshipCases)
  async onHardshipEvent(@Ctx() context: KafkaContext): Promise<void> {
    const message = readReceivedMessage(context);
    await this.consumer.consume(message, READS, async (tx, event) => {
      const repo = tx.getRepository(HardshipEligibilityEntity);
      const row = await repo.findOneBy({ personRef: event.data.personRef });
      const before: HardshipEligibility | null = row
        ? { personRef: row.personRef, caseId: row.caseId, open: row.open, tier: row.tier }
        : null;
      const after = evolveEligibility(before, event);
      if (after) await repo.upsert({ ...after, updatedAt: new Date() }, ['personRef']);
      await this.listener?.onEligibilityChanged(tx, before, after, event, causedBy(message));
    });
  }
}
