import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { TOPICS } from '@union/contracts';
import { IntegrationConsumer, readReceivedMessage } from '@union/messaging';
import { EXTERNAL_ASSISTANCE_CONSUMER, REFERRAL_INTAKE_CONSUMER } from '../hardship-cases.di-tokens';
import { ExternalAssistanceIntake } from './external-assistance-intake.service';
import { ReferralIntake } from './referral-intake.service';

/**
 * `medical-aid.claims.v1`: hardship risks become referrals; paid claims and serious-illness aid
 * go into case histories. Each through its own inbox, in one transaction with its effect, after
 * its contract has been checked: a bad event goes to the DLQ; one of a type or version a later
 * release defines is logged and skipped (it stays on the topic, which keeps everything).
 */
@Controller()
export class MedicalAidClaimsConsumer {
  constructor(
    @Inject(REFERRAL_INTAKE_CONSUMER) private readonly referralConsumer: IntegrationConsumer,
    @Inject(EXTERNAL_ASSISTANCE_CONSUMER) private readonly paymentConsumer: IntegrationConsumer,
    private readonly referrals: ReferralIntake,
    private readonly payments: ExternalAssistanceIntake,
  ) {}

  @EventPattern(TOPICS.medicalAidClaims)
  async onMedicalAidEvent(@Ctx() context: KafkaContext): Promise<void> {
    const message = readReceivedMessage(context);
    if (message.headers.eventType === 'HardshipRiskDetected') {
      await this.referralConsumer.consume(message, ['HardshipRiskDetected'], (tx, event) =>
        this.referrals.receive(tx, message, event.data),
      );
      return;
    }
    // Every other message, of a known type or not, is the payments consumer's to check.
    await this.paymentConsumer.consume(message, ['ClaimPaid', 'SeriousIllnessAidGranted'], (tx, event) =>
      this.payments.record(tx, message, event),
    );
  }
}
