import type { HardshipTier } from '@union/contracts';
import { DomainError, compareDates, type Fen, type IsoDate } from '@union/kernel';
import { isBlank } from '../shared/checks';
import type { Period } from '../period/period.events';
import type { EnrollMember } from '../membership/membership.decider';

/** Most members one enrollment request may carry (DOMAIN.md §3 "Enrollment"). */
export const MAX_ENROLLMENT_ROWS = 10_000;

/**
 * One row of a unit's enrollment request, after the service parsed the identity number.
 * `idNumberError` is set (and `personRef` may be null) when the number was not valid; the raw
 * `idNumber` is never copied into any event.
 */
export interface EnrollmentRow {
  readonly idNumber?: string;
  readonly personRef: string | null;
  readonly idNumberMasked: string;
  readonly name: string;
  readonly hasBasicMedicalInsurance: boolean;
  readonly idNumberError?: string;
}

/** Why a row was not enrolled. */
export type EnrollmentRejectionCode =
  | 'INVALID_ID_NUMBER'
  | 'NAME_REQUIRED'
  | 'NO_BASIC_MEDICAL_INSURANCE'
  | 'PERSON_RESTRICTED';

/** A row that was not enrolled, by its index in the request. */
export interface RejectedRow {
  readonly index: number;
  readonly code: EnrollmentRejectionCode;
  readonly message: string;
}

/** A member to enroll. */
export interface PlannedEnrollment {
  /** The row's index in the request, so an answer can say what became of each row. */
  readonly index: number;
  readonly personRef: string;
  readonly name: string;
  readonly idNumberMasked: string;
  readonly waived: boolean;
  readonly contributionFen: Fen;
}

/** Input of {@link planEnrollment}. */
export interface EnrollmentRequest {
  readonly period: Period;
  readonly today: IsoDate;
  readonly unitId: string;
  readonly paymentRef: string;
  readonly members: readonly EnrollmentRow[];
  /** personRefs already enrolled in the period. */
  readonly alreadyEnrolled: ReadonlySet<string>;
  /** The member's current hardship tier (eligibility projection), or null. */
  readonly tierOf: (personRef: string) => HardshipTier | null;
  /** Whether the person's processing is restricted here (PIPL Art. 47): not enrolled. */
  readonly isRestricted?: (personRef: string) => boolean;
}

/** What one enrollment request does; `waived` counts the rows in `toEnroll` the fund pays for. */
export interface EnrollmentPlan {
  readonly toEnroll: readonly PlannedEnrollment[];
  readonly duplicates: number;
  /** The indexes of the rows counted in `duplicates`, ascending. */
  readonly duplicateIndexes: readonly number[];
  readonly waived: number;
  readonly rejected: readonly RejectedRow[];
}

function checkRequest(request: EnrollmentRequest): void {
  const { period, today, unitId, paymentRef, members } = request;
  const errors = [
    ...(isBlank(unitId) ? [{ field: 'unitId', message: 'must not be empty' }] : []),
    ...(isBlank(paymentRef) ? [{ field: 'paymentRef', message: 'must not be empty' }] : []),
    ...(members.length === 0 ? [{ field: 'members', message: 'must list at least one member' }] : []),
    ...(members.length > MAX_ENROLLMENT_ROWS
      ? [
          {
            field: 'members',
            message: `must list at most ${MAX_ENROLLMENT_ROWS} members; got ${members.length}`,
          },
        ]
      : []),
  ];
  if (errors.length > 0) {
    const detail = errors.map((e) => `${e.field} ${e.message}`).join('; ');
    throw new DomainError('VALIDATION_FAILED', `The enrollment request is not valid: ${detail}.`, { errors });
  }
  if (
    compareDates(today, period.enrollmentOpensOn) < 0 ||
    compareDates(today, period.enrollmentClosesOn) > 0
  ) {
    const { enrollmentOpensOn, enrollmentClosesOn } = period;
    throw new DomainError(
      'RULE_VIOLATION',
      `Enrollment in ${period.name} is open from ${enrollmentOpensOn} to ${enrollmentClosesOn}; today is ${today}.`,
      { details: { enrollmentOpensOn, enrollmentClosesOn } },
    );
  }
}

function rowProblem(
  row: EnrollmentRow,
  index: number,
  isRestricted: (personRef: string) => boolean,
): RejectedRow | null {
  if (row.idNumberError !== undefined || row.personRef === null) {
    return {
      index,
      code: 'INVALID_ID_NUMBER',
      message: row.idNumberError ?? 'The identity number is not valid.',
    };
  }
  if (isRestricted(row.personRef)) {
    const message = `The personal data of ${row.idNumberMasked} is restricted in medical aid: not enrolled.`;
    return { index, code: 'PERSON_RESTRICTED', message };
  }
  if (isBlank(row.name)) return { index, code: 'NAME_REQUIRED', message: 'The member needs a name.' };
  if (!row.hasBasicMedicalInsurance) {
    const message = `${row.name} (${row.idNumberMasked}) has no urban employee basic medical insurance.`;
    return { index, code: 'NO_BASIC_MEDICAL_INSURANCE', message };
  }
  return null;
}

/**
 * Plans a unit's enrollment (DOMAIN.md §3 "Enrollment"): rows that fail are reported one by one
 * and the rest enrolled; a person already enrolled, or listed twice, counts as a duplicate and
 * changes nothing; members whose hardship tier is in `waiveContributionForTiers` are enrolled
 * with contribution 0 (paid by the union fund).
 * @throws DomainError `RULE_VIOLATION` outside the enrollment window; `VALIDATION_FAILED` for
 * a missing unit or payment reference, or no or too many rows.
 */
export function planEnrollment(request: EnrollmentRequest): EnrollmentPlan {
  checkRequest(request);
  const { period, members, alreadyEnrolled, tierOf } = request;
  const isRestricted = request.isRestricted ?? (() => false);
  const seen = new Set<string>();
  const toEnroll: PlannedEnrollment[] = [];
  const rejected: RejectedRow[] = [];
  const duplicateIndexes: number[] = [];
  members.forEach((row, index) => {
    const problem = rowProblem(row, index, isRestricted);
    if (problem !== null) {
      rejected.push(problem);
    } else if (alreadyEnrolled.has(row.personRef as string) || seen.has(row.personRef as string)) {
      duplicateIndexes.push(index);
    } else {
      const personRef = row.personRef as string;
      seen.add(personRef);
      const tier = tierOf(personRef);
      const waived = tier !== null && period.rules.waiveContributionForTiers.includes(tier);
      const contributionFen = waived ? 0 : period.contributionFen;
      toEnroll.push({
        index,
        personRef,
        name: row.name.trim(),
        idNumberMasked: row.idNumberMasked,
        waived,
        contributionFen,
      });
    }
  });
  return {
    toEnroll,
    duplicates: duplicateIndexes.length,
    duplicateIndexes,
    waived: toEnroll.filter((m) => m.waived).length,
    rejected,
  };
}

/** The membership command that enrolls one planned member (stream `member-<periodId>-<personRef>`). */
export function enrollMemberCommand(
  request: Pick<EnrollmentRequest, 'period' | 'today' | 'unitId' | 'paymentRef'>,
  member: PlannedEnrollment,
): EnrollMember {
  return {
    type: 'EnrollMember',
    periodId: request.period.periodId,
    personRef: member.personRef,
    idNumberMasked: member.idNumberMasked,
    name: member.name,
    unitId: request.unitId,
    enrolledOn: request.today,
    contributionFen: member.contributionFen,
    waived: member.waived,
    paymentRef: request.paymentRef,
  };
}
