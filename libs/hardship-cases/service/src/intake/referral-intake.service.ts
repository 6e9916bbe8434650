import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { HardshipRiskDetectedV1 } from '@union/contracts';
import { handleCommand, type EventStore } from '@union/event-store';
import { caseDecider, caseStreamId, referralDecider, referralStreamId } from '@union/hardship-cases/domain';
import type { ReceivedMessage } from '@union/messaging';
import { EVENT_STORE } from '@union/runtime';
import { CaseSummaryEntity } from '../read-models/case-summary/case-summary.entity';
import { referralIdFor } from '../referrals/referral-id';
import { intakeFacts } from './intake-facts';

/**
 * `HardshipRiskDetected` -> a referral (DOMAIN.md §1 "Referrals"). When the person has an open
 * case, the referral is attached to it at once: `ReferralAttached` goes to the referral's stream
 * and to the case's, in the consumer's one transaction (with its inbox row). Otherwise it waits
 * in the inbox as `pending`.
 */
@Injectable()
export class ReferralIntake {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Files the referral for `risk`, the payload of `message` as its contract parsed it. */
  async receive(tx: EntityManager, message: ReceivedMessage, risk: HardshipRiskDetectedV1): Promise<void> {
    const facts = intakeFacts(message, 'medical-aid');
    const referralId = referralIdFor(message.headers.eventId);
    const open = await tx
      .getRepository(CaseSummaryEntity)
      .findOneBy({ personRef: risk.personRef, status: 'open' });
    await handleCommand(
      this.store,
      referralDecider,
      {
        type: 'ReceiveReferral',
        referralId,
        ...risk,
        sourceEventId: message.headers.eventId,
        openCaseId: open?.caseId,
        actor: facts.actor,
        now: facts.now,
      },
      {
        streamId: referralStreamId(referralId),
        streamType: 'referral',
        personRef: risk.personRef,
        metadata: facts.metadata,
        tx,
      },
    );
    if (!open) return;
    await handleCommand(
      this.store,
      caseDecider,
      { type: 'AttachReferral', referralId, actor: facts.actor, now: facts.now, today: facts.today },
      {
        streamId: caseStreamId(open.caseId),
        streamType: 'case',
        personRef: risk.personRef,
        metadata: { ...facts.metadata, policyVersion: open.data.policyVersion },
        tx,
      },
    );
  }
}
