import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { handleCommand, type EventStore } from '@union/event-store';
import { caseDecider, caseStreamId } from '@union/hardship-cases/domain';
import type { ReceivedMessage } from '@union/messaging';
import { EVENT_STORE } from '@union/runtime';
import { CaseSummaryEntity } from '../read-models/case-summary/case-summary.entity';
import { intakeFacts } from './intake-facts';
import { paymentOf, type PaymentEvent } from './integration-payloads';

/**
 * Grants disbursed, claims paid and serious-illness aid go into the history of the person's open
 * case, once per source event (the inbox, and the case decider's own check). Choice: a person
 * with no open case gets nothing recorded, only a log line; the programmes keep their own records.
 */
@Injectable()
export class ExternalAssistanceIntake {
  private readonly logger = new Logger(ExternalAssistanceIntake.name);

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /**
   * Records the payment `event` (parsed by its contract) on the person's open case; logs and
   * records nothing when there is none.
   */
  async record(tx: EntityManager, message: ReceivedMessage, event: PaymentEvent): Promise<void> {
    const { eventId, occurredAt } = message.headers;
    const eventType = event.type;
    const payment = paymentOf(event, occurredAt);
    const open = await tx
      .getRepository(CaseSummaryEntity)
      .findOneBy({ personRef: payment.personRef, status: 'open' });
    if (!open) {
      this.logger.log(`${eventType} ${eventId} not recorded: the person has no open hardship case.`);
      return;
    }
    const facts = intakeFacts(message, payment.source);
    await handleCommand(
      this.store,
      caseDecider,
      {
        type: 'RecordExternalAssistance',
        source: payment.source,
        sourceEventId: eventId,
        eventType,
        amountFen: payment.amountFen,
        occurredOn: payment.occurredOn,
        actor: facts.actor,
        now: facts.now,
        today: facts.today,
      },
      {
        streamId: caseStreamId(open.caseId),
        streamType: 'case',
        personRef: payment.personRef,
        metadata: { ...facts.metadata, policyVersion: open.data.policyVersion },
        tx,
      },
    );
  }
}
