import type { Schemas } from '../../api/client';
import { consentOf, type ConsentValues } from '../../consent/consent';
import { checkIdNumber } from '../../id-number/id-number';

export type SubmitApplicationBody = Schemas['SubmitApplication'];

/**
 * The body of the dry run: the submission's, with the consent once both its fields are filled in.
 * A dry run may leave it out (docs/api-changes.md), so the amount shows before the paper is at hand.
 */
export type PreviewApplicationBody = Omit<SubmitApplicationBody, 'consent'> &
  Partial<Pick<SubmitApplicationBody, 'consent'>>;

/** The application form's values: the same shape as the request body (field names = API paths). */
export interface ApplicationFormValues {
  campaignId?: string;
  parentIdNumber?: string;
  unitId?: string;
  student?: {
    idNumber?: string;
    name?: string;
    level?: SubmitApplicationBody['student']['level'];
    school?: string;
  };
  consent?: ConsentValues;
}

/**
 * The dry run's body, or undefined while a field (the consent aside) is missing or an identity
 * number is not valid yet; it is the submission's once it has the consent.
 */
export function applicationBodyOf(
  v: ApplicationFormValues,
  today: string,
): PreviewApplicationBody | undefined {
  const parent = checkIdNumber(v.parentIdNumber ?? '', today);
  const student = checkIdNumber(v.student?.idNumber ?? '', today);
  const name = v.student?.name?.trim();
  const school = v.student?.school?.trim();
  const level = v.student?.level;
  if (!v.campaignId || !v.unitId || parent.state !== 'valid' || student.state !== 'valid') return undefined;
  if (!name || !school || !level) return undefined;
  const consent = consentOf(v.consent, today);
  return {
    campaignId: v.campaignId,
    parentIdNumber: parent.value,
    unitId: v.unitId,
    student: { idNumber: student.value, name, level, school },
    ...(consent ? { consent } : {}),
  };
}

/** The submission, once the body has its consent. */
export const submissionOf = (body: PreviewApplicationBody | undefined): SubmitApplicationBody | undefined =>
  body?.consent ? { ...body, consent: body.consent } : undefined;

/** The form field (name path) an API field path names: `student.idNumber` → ['student', 'idNumber']. */
export const applicationFormField = (apiField: string): string[] => apiField.split('.');
