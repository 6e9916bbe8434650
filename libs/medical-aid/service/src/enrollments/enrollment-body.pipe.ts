import { Injectable, type PipeTransform } from '@nestjs/common';
import { MAX_ENROLLMENT_ROWS } from '@union/medical-aid/domain';
import { createValidationPipe } from '@union/platform';
import { ENROLLMENT_LIMITS, EnrollMembersDto } from './enroll-members.dto';

/** What the controller declares, so the global pipe leaves the body to {@link EnrollmentBodyPipe}. */
export interface EnrollmentBody {
  readonly unitId: string;
  readonly paymentRef: string;
  readonly members: EnrollMembersDto['members'];
}

/**
 * Characters class-validator does not count as one each (surrogate pairs, variation selectors):
 * a string that must reach a minimum length and holds one is left to the standard pipe.
 */
const UNEVEN_LENGTH = /[\uD800-\uDFFF]|\uFE0E|\uFE0F/;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** Within class-validator's length bounds: `String.length` never counts fewer characters than it does. */
const fits = (v: unknown, min: number, max: number): v is string =>
  typeof v === 'string' && v.length <= max && (min === 0 || (v.length >= min && !UNEVEN_LENGTH.test(v)));

const TOP_KEYS = new Set(['unitId', 'paymentRef', 'members']);

/**
 * True only for a body that `EnrollMembersDto` certainly accepts: the same fields and limits,
 * checked more strictly (plain JSON objects, exactly the declared keys). False means "not sure",
 * never "invalid".
 */
export function plainlyValidEnrollment(body: unknown): body is EnrollmentBody {
  if (!isPlainObject(body) || !Object.keys(body).every((k) => TOP_KEYS.has(k))) return false;
  const { unitId, paymentRef, members } = body;
  if (!fits(unitId, 1, ENROLLMENT_LIMITS.unitId) || !fits(paymentRef, 1, ENROLLMENT_LIMITS.paymentRef))
    return false;
  if (!Array.isArray(members) || members.length < 1 || members.length > MAX_ENROLLMENT_ROWS) return false;
  for (const row of members as unknown[]) {
    if (!isPlainObject(row) || Object.keys(row).length !== 3) return false;
    // Three keys, and these three are set: no other key is present.
    if (typeof row.hasBasicMedicalInsurance !== 'boolean') return false;
    if (!fits(row.idNumber, 0, ENROLLMENT_LIMITS.idNumber) || !fits(row.name, 0, ENROLLMENT_LIMITS.name))
      return false;
  }
  return true;
}

/**
 * The enrollment body's validation, with a fast path. class-transformer and class-validator
 * spend some 30 µs on each member (a nested instance and a metadata lookup per row), a third of
 * the service's CPU time on a large unit. A body that plainly satisfies the DTO is passed on as it
 * came; any other goes through the standard pipe, which accepts it or answers with the usual
 * field errors, so what is accepted and what is refused does not change.
 */
@Injectable()
export class EnrollmentBodyPipe implements PipeTransform<unknown, Promise<EnrollmentBody>> {
  private readonly standard = createValidationPipe();

  async transform(value: unknown): Promise<EnrollmentBody> {
    if (plainlyValidEnrollment(value)) return value;
    return (await this.standard.transform(value, {
      type: 'body',
      metatype: EnrollMembersDto,
    })) as EnrollMembersDto;
  }
}
