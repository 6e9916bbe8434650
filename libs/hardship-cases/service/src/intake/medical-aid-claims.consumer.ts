import { Controller, Inject, Logger } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { TOPICS } from '@union/contracts';
import { IntegrationConsumer, readReceivedMessage } from '@union/messaging';
import { EXTERNAL_ASSISTANCE_CONSUMER, REFERRAL_INTAKE_CONSUMER } from '../hardship-cases.di-tokens';
import { ExternalAssistanceIntake } from './external-assistance-intake.service';
import { ReferralIntake } from './referral-intake.service';
import { skipUnknown } from './skip-unknown';

/**
 * `medical-aid.claims.v1`: hardship risks become referrals; paid claims and serious-illness aid
 * go into case histories. Each through its own inbox, in one transaction with its effect.
 * Events of other types or versions are logged and skipped (they stay on the topic, which keeps
 * everything, for a later release that reads them).
 */
@Controller()
export class MedicalAidClaimsConsumer {
  private readonly logger = new Logger(MedicalAidClaimsConsumer.name);

  constructor(
    @Inject(REFERRAL_INTAKE_CONSUMER) private readonly referralConsumer: IntegrationConsumer,
    @Inject(EXTERNAL_ASSISTANCE_CONSUMER) private readonly paymentConsumer: IntegrationConsumer,
    private readonly referrals: ReferralIntake,
    private readonly payments: ExternalAssistanceIntake,
  ) {}

  @EventPattern(TOPICS.medicalAidClaims)
  async onMedicalAidEvent(@Payload() payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
    const message = readReceivedMessage(payload, context);
    const type = message.headers.eventVersion === 1 ? message.headers.eventType : '';
    switch (type) {
      case 'HardshipRiskDetected':
        await this.referralConsumer.consume(message, (tx) => this.referrals.receive(tx, message));
        return;
      case 'ClaimPaid':
      case 'SeriousIllnessAidGranted':
        await this.paymentConsumer.consume(message, (tx) => this.payments.record(tx, message, type));
        return;
      default:
        skipUnknown(this.logger, message);
    }
  }
}
