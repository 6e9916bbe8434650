import type { HardshipRiskDetectedV1 } from '@union/contracts';
import { chinaToday, isIsoDate, type IsoDate } from '@union/kernel';
import type { ExternalAssistanceType, ExternalSource } from '@union/hardship-cases/domain';

/**
 * Readers of the integration payloads this service consumes. A payload that breaks its contract
 * throws: the consumer retries, then parks the message on `<topic>.dlq` with the reason.
 */
type Payload = Readonly<Record<string, unknown>>;

function payload(data: unknown, type: string): Payload {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new Error(`${type}: the value is not a JSON object.`);
  return data as Payload;
}

function text(p: Payload, type: string, field: string): string {
  const value = p[field];
  if (typeof value !== 'string' || value.trim() === '')
    throw new Error(`${type}: ${field} must be a non-empty string.`);
  return value;
}

function fen(p: Payload, type: string, field: string): number {
  const value = p[field];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw new Error(`${type}: ${field} must be a whole number of fen.`);
  return value;
}

function date(p: Payload, type: string, field: string): IsoDate {
  const value = p[field];
  if (!isIsoDate(value)) throw new Error(`${type}: ${field} must be a date YYYY-MM-DD.`);
  return value;
}

/** `HardshipRiskDetected` (v1) of `medical-aid.claims.v1`. */
export function readHardshipRisk(data: unknown): HardshipRiskDetectedV1 {
  const type = 'HardshipRiskDetected';
  const p = payload(data, type);
  const claimIds = p.claimIds;
  if (!Array.isArray(claimIds) || !claimIds.every((c) => typeof c === 'string'))
    throw new Error(`${type}: claimIds must be a list of strings.`);
  return {
    personRef: text(p, type, 'personRef'),
    periodId: text(p, type, 'periodId'),
    unitId: text(p, type, 'unitId'),
    memberName: text(p, type, 'memberName'),
    remainingBurdenFen: fen(p, type, 'remainingBurdenFen'),
    claimIds: claimIds,
  };
}

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
 * aid event carries no date: the day it occurred (China time, from `occurred-at`) stands in.
 */
export function readPayment(
  eventType: ExternalAssistanceType,
  data: unknown,
  occurredAt: string,
): ExternalPayment {
  const p = payload(data, eventType);
  const personRef = text(p, eventType, 'personRef');
  switch (eventType) {
    case 'GrantDisbursed':
      return {
        personRef,
        source: 'education-grants',
        eventType,
        amountFen: fen(p, eventType, 'amountFen'),
        occurredOn: date(p, eventType, 'paidOn'),
      };
    case 'ClaimPaid':
      return {
        personRef,
        source: 'medical-aid',
        eventType,
        amountFen: fen(p, eventType, 'payoutFen'),
        occurredOn: date(p, eventType, 'paidOn'),
      };
    case 'SeriousIllnessAidGranted': {
      const at = new Date(occurredAt);
      if (Number.isNaN(at.getTime()))
        throw new Error(`${eventType}: the occurred-at header is not an instant.`);
      return {
        personRef,
        source: 'medical-aid',
        eventType,
        amountFen: fen(p, eventType, 'amountFen'),
        occurredOn: chinaToday(at),
      };
    }
    default: {
      const _exhaustive: never = eventType;
      return _exhaustive;
    }
  }
}
