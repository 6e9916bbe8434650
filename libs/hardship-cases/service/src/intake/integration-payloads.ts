import type { IntegrationEventOf } from '@union/contracts';
import { chinaToday, type IsoDate } from '@union/kernel';
import type { ExternalAssistanceType, ExternalSource } from '@union/hardship-cases/domain';

/** The events that report what another programme paid a household (parsed by their contract). */
export type PaymentEvent = IntegrationEventOf<ExternalAssistanceType>;

/** What another programme paid a household, as a case history records it. */
export interface ExternalPayment {
  personRef: string;
  source: ExternalSource;
  eventType: ExternalAssistanceType;
  amountFen: number;
  occurredOn: IsoDate;
}

/**
 * The payment an event reports: a grant's amount, a claim's payout, a serious-illness aid. The
 * aid event carries no date: the day it occurred (China time, from `occurred-at`, which its
 * contract checked is an instant) stands in.
 */
export function paymentOf(event: PaymentEvent, occurredAt: string): ExternalPayment {
  switch (event.type) {
    case 'GrantDisbursed': {
      const { personRef, amountFen, paidOn } = event.data;
      return { personRef, source: 'education-grants', eventType: event.type, amountFen, occurredOn: paidOn };
    }
    case 'ClaimPaid': {
      const { personRef, payoutFen, paidOn } = event.data;
      return {
        personRef,
        source: 'medical-aid',
        eventType: event.type,
        amountFen: payoutFen,
        occurredOn: paidOn,
      };
    }
    case 'SeriousIllnessAidGranted': {
      const { personRef, amountFen } = event.data;
      const occurredOn = chinaToday(new Date(occurredAt));
      return { personRef, source: 'medical-aid', eventType: event.type, amountFen, occurredOn };
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
