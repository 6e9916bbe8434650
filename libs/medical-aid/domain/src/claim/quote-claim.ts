import { DomainError, applyBands, sumFen, type FieldError, type Fen } from '@union/kernel';
import { fenProblem } from '../shared/checks';
import type { InpatientRules } from '../period/period.events';
import type { Bill, Quote } from './claim.events';

const PAID_PARTS = [
  'basicInsurancePaidFen',
  'seriousIllnessInsurancePaidFen',
  'medicalAssistancePaidFen',
  'employerPaidFen',
  'otherPaidFen',
] as const satisfies readonly (keyof Bill)[];

/** Every problem with a bill (fields under `bill.`); empty when valid. The paid parts may not exceed the total. */
export function billErrors(bill: Bill): FieldError[] {
  const errors: FieldError[] = [];
  for (const key of ['totalFen', ...PAID_PARTS] as const) {
    const problem = fenProblem(bill[key]);
    if (problem !== null) errors.push({ field: `bill.${key}`, message: problem });
  }
  if (errors.length === 0) {
    const paidFen = sumFen(...PAID_PARTS.map((key) => bill[key]));
    if (paidFen > bill.totalFen) {
      errors.push({
        field: 'bill',
        message: `the paid parts (${paidFen} fen) exceed the total (${bill.totalFen} fen)`,
      });
    }
  }
  return errors;
}

/**
 * What the member still pays of the bill: total - the paid parts.
 * @throws DomainError `VALIDATION_FAILED` for an invalid bill.
 */
export function outOfPocketOf(bill: Bill): Fen {
  const errors = billErrors(bill);
  if (errors.length > 0) {
    const detail = errors.map((e) => `${e.field} ${e.message}`).join('; ');
    throw new DomainError('VALIDATION_FAILED', `The bill is not valid: ${detail}.`, { errors });
  }
  return bill.totalFen - sumFen(...PAID_PARTS.map((key) => bill[key]));
}

/**
 * Quotes a claim (DOMAIN.md §3 "Claim"): oop = total - paid parts; eligible = max(0, oop -
 * deductible), or `eligibleOverrideFen` when a reviewer lowered it; payout = the bands over
 * eligible (each band rounded down), cut to what is left of the annual cap.
 * @param capLeftFen what is left of the member's annual cap (below 0 counts as 0).
 * @throws DomainError `VALIDATION_FAILED` for an invalid bill or an override above the computed eligible.
 */
export function quoteClaim(
  bill: Bill,
  rules: InpatientRules,
  capLeftFen: Fen,
  policyVersion: string,
  eligibleOverrideFen?: Fen,
): Quote {
  if (!Number.isSafeInteger(capLeftFen)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `The cap left must be a whole number of fen; got ${capLeftFen}.`,
    );
  }
  const outOfPocketFen = outOfPocketOf(bill);
  const computedFen = Math.max(0, outOfPocketFen - rules.deductibleFen);
  const eligibleFen = eligibleOverrideFen ?? computedFen;
  const problem =
    fenProblem(eligibleFen) ??
    (eligibleFen > computedFen ? `may only lower the computed ${computedFen} fen; got ${eligibleFen}` : null);
  if (problem !== null) {
    throw new DomainError('VALIDATION_FAILED', `The eligible amount is not valid: eligibleFen ${problem}.`, {
      errors: [{ field: 'eligibleFen', message: problem }],
    });
  }
  const banded = applyBands(eligibleFen, rules.bands);
  const payoutFen = Math.min(banded.totalFen, Math.max(0, capLeftFen));
  return {
    outOfPocketFen,
    deductibleFen: rules.deductibleFen,
    eligibleFen,
    bands: banded.parts,
    capAppliedFen: banded.totalFen - payoutFen,
    payoutFen,
    policyVersion,
  };
}
