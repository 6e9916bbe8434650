import { Controller, Inject, Logger, Optional } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
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

const KNOWN = new Set([
  'HardshipCaseOpened',
  'HardshipTierChanged',
  'HardshipCaseClosed',
  'HardshipCaseReopened',
]);

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

/** Keeps `hardship_eligibility` from `hardship.cases.v1`, once per event id (inbox). */
@Controller()
export class HardshipEligibilityConsumer {
  private readonly logger = new Logger(HardshipEligibilityConsumer.name);

  constructor(
    @Inject(ELIGIBILITY_CONSUMER) private readonly consumer: IntegrationConsumer,
    @Optional() @Inject(ELIGIBILITY_LISTENER) private readonly listener?: EligibilityListener,
  ) {}

  @EventPattern(TOPICS.hardshipCases)
  async onHardshipEvent(@Payload() payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    const message = readReceivedMessage(payload, context);
    if (!KNOWN.has(message.headers.eventType)) {
      this.logger.warn(
        `Ignoring unknown event type ${message.headers.eventType} (${message.headers.eventId}).`,
      );
      return;
    }
    const event = {
      type: message.headers.eventType,
      version: message.headers.eventVersion,
      data: message.data,
    } as HardshipIntegrationEvent;
    await this.consumer.consume(message, async (tx) => {
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
