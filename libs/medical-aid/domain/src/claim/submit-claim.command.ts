import { DomainError, addDays, compareDates, isIsoDate, type FieldError, type IsoDate } from '@union/kernel';
import { dateProblem, isBlank, normaliseHospital, note, throwIfInvalid } from '../shared/checks';
import type { Period } from '../period/period.events';
import type { MembershipState } from '../membership/membership.events';
import { capLeftFen, findAdmission } from '../membership/membership.queries';
import type { Bill, ClaimEvent, ClaimState } from './claim.events';
import { billErrors, quoteClaim } from './quote-claim';

/**
 * A caseworker submits a claim. The service passes the period and the member's membership state
 * (stream `member-<periodId>-<personRef>`); `today` is the submission's business date.
 */
export interface SubmitClaim {
  readonly type: 'SubmitClaim';
  readonly claimId: string;
  readonly period: Period;
  readonly membership: MembershipState;
  readonly hospital: string;
  readonly admittedOn: IsoDate;
  readonly dischargedOn: IsoDate;
  readonly diagnosisCode: string;
  readonly bill: Bill;
  readonly today: IsoDate;
  readonly submittedBy: string;
  readonly submittedAt: string;
}

function inputErrors(command: SubmitClaim): FieldError[] {
  const { hospital, diagnosisCode, admittedOn, dischargedOn, today } = command;
  const errors: FieldError[] = [];
  if (isBlank(hospital)) errors.push({ field: 'hospital', message: 'must not be empty' });
  if (isBlank(diagnosisCode)) errors.push({ field: 'diagnosisCode', message: 'must not be empty' });
  note(errors, 'admittedOn', dateProblem(admittedOn));
  note(errors, 'dischargedOn', dateProblem(dischargedOn));
  if (isIsoDate(admittedOn) && isIsoDate(dischargedOn) && compareDates(dischargedOn, admittedOn) < 0) {
    errors.push({ field: 'dischargedOn', message: `must not be before admittedOn (${admittedOn})` });
  } else if (isIsoDate(dischargedOn) && compareDates(dischargedOn, today) > 0) {
    errors.push({
      field: 'dischargedOn',
      message: `must not be after today (${today}): claim after discharge`,
    });
  }
  errors.push(...billErrors(command.bill));
  return errors;
}

function ruleViolation(message: string, details: Record<string, unknown>): DomainError {
  return new DomainError('RULE_VIOLATION', message, { details });
}

function checkEligibility(command: SubmitClaim): void {
  const { period, membership, admittedOn, dischargedOn, today } = command;
  const member = membership.member;
  if (membership.status !== 'enrolled' || member === null || member.periodId !== period.periodId) {
    throw new DomainError('NOT_ELIGIBLE', `This person is not enrolled in ${period.name}.`);
  }
  const { coverageStart, coverageEnd } = period;
  if (compareDates(admittedOn, coverageStart) < 0 || compareDates(admittedOn, coverageEnd) > 0) {
    const message = `The admission on ${admittedOn} is outside the coverage of ${period.name} (${coverageStart} to ${coverageEnd}).`;
    throw ruleViolation(message, { coverageStart, coverageEnd });
  }
  const firstEligibleOn = addDays(member.enrolledOn, period.waitingDays);
  if (compareDates(admittedOn, firstEligibleOn) < 0) {
    const message = `The admission on ${admittedOn} falls in the ${period.waitingDays}-day waiting period after enrolling on ${member.enrolledOn}; the first eligible day is ${firstEligibleOn}.`;
    throw ruleViolation(message, { firstEligibleOn });
  }
  const deadline = addDays(dischargedOn, period.claimDeadlineDays);
  if (compareDates(today, deadline) > 0) {
    const message = `Claims must be submitted within ${period.claimDeadlineDays} days of discharge, by ${deadline}; today is ${today}.`;
    throw ruleViolation(message, { claimDeadline: deadline });
  }
}

/**
 * Submits a claim and quotes it against the cap left now (DOMAIN.md §3 "Claim").
 * @throws DomainError `VALIDATION_FAILED` (input, discharge before admission, paid parts above
 * total), `NOT_ELIGIBLE` (not enrolled in the period), `RULE_VIOLATION` (admission outside
 * coverage or in the waiting period, deadline passed), `DUPLICATE` (same hospital and admission
 * date as another claim; details `{ existingClaimId }`), `CONFLICT` (claim id taken).
 */
export function decideSubmitClaim(command: SubmitClaim, state: ClaimState): ClaimEvent[] {
  if (state.status !== 'none') throw new DomainError('CONFLICT', `Claim ${command.claimId} already exists.`);
  throwIfInvalid('The claim', inputErrors(command));
  checkEligibility(command);
  const { claimId, period, membership, admittedOn, bill } = command;
  const existing = findAdmission(membership, command.hospital, admittedOn);
  if (existing) {
    throw new DomainError(
      'DUPLICATE',
      `Claim ${existing.claimId} already covers the admission to ${existing.hospital} on ${admittedOn}.`,
      { details: { existingClaimId: existing.claimId } },
    );
  }
  const member = membership.member as NonNullable<MembershipState['member']>;
  const quote = quoteClaim(
    bill,
    period.rules.inpatient,
    capLeftFen(membership, period.rules.inpatient),
    period.policyVersion,
  );
  return [
    {
      type: 'ClaimSubmitted',
      data: {
        claimId,
        periodId: period.periodId,
        personRef: member.personRef,
        memberName: member.name,
        idNumberMasked: member.idNumberMasked,
        unitId: member.unitId,
        hospital: normaliseHospital(command.hospital),
        admittedOn,
        dischargedOn: command.dischargedOn,
        diagnosisCode: command.diagnosisCode.trim(),
        bill,
        quote,
        submittedBy: command.submittedBy,
        submittedAt: command.submittedAt,
      },
    },
  ];
}
