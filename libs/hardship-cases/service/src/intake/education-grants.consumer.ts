import { Controller, Inject, Logger } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { TOPICS } from '@union/contracts';
import { IntegrationConsumer, readReceivedMessage } from '@union/messaging';
import { EXTERNAL_ASSISTANCE_CONSUMER } from '../hardship-cases.di-tokens';
import { ExternalAssistanceIntake } from './external-assistance-intake.service';
import { skipUnknown } from './skip-unknown';

/** `education.grants.v1`: a disbursed grant goes into the parent's open case history, once. */
@Controller()
export class EducationGrantsConsumer {
  private readonly logger = new Logger(EducationGrantsConsumer.name);

  constructor(
    @Inject(EXTERNAL_ASSISTANCE_CONSUMER) private readonly paymentConsumer: IntegrationConsumer,
    private readonly payments: ExternalAssistanceIntake,
  ) {}

  @EventPattern(TOPICS.educationGrants)
  async onGrantsEvent(@Payload() payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    const message = readReceivedMessage(payload, context);
    if (message.headers.eventType !== 'GrantDisbursed' || message.headers.eventVersion !== 1) {
      skipUnknown(this.logger, message);
      return;
    }
    await this.paymentConsumer.consume(message, (tx) => this.payments.record(tx, message, 'GrantDisbursed'));
  }
}
