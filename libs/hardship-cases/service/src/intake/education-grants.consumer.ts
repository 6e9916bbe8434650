import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { TOPICS } from '@union/contracts';
import { IntegrationConsumer, readReceivedMessage } from '@union/messaging';
import { EXTERNAL_ASSISTANCE_CONSUMER } from '../hardship-cases.di-tokens';
import { ExternalAssistanceIntake } from './external-assistance-intake.service';

/**
 * `education.grants.v1`: a disbursed grant goes into the parent's open case history, once. The
 * consumer reads each event against its contract first (a bad one goes to the DLQ, one of a
 * later release is skipped and logged).
 */
@Controller()
export class EducationGrantsConsumer {
  constructor(
    @Inject(EXTERNAL_ASSISTANCE_CONSUMER) private readonly paymentConsumer: IntegrationConsumer,
    private readonly payments: ExternalAssistanceIntake,
  ) {}

  @EventPattern(TOPICS.educationGrants)
  async onGrantsEvent(@Ctx() context: KafkaContext): Promise<void> {
    const message = readReceivedMessage(context);
    await this.paymentConsumer.consume(message, ['GrantDisbursed'], (tx, event) =>
      this.payments.record(tx, message, event),
    );
  }
}
