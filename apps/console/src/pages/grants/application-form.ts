import type { Schemas } from '../../api/client';
import { checkIdNumber } from '../../id-number/id-number';

export type SubmitApplicationBody = Schemas['SubmitApplication'];

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
}

/** The request body, or undefined while a field is missing or an identity number is not valid yet. */
export function applicationBodyOf(
  v: ApplicationFormValues,
  today: string,
): SubmitApplicationBody | undefined {
  const parent = checkIdNumber(v.parentIdNumber ?? '', today);
  const student = checkIdNumber(v.student?.idNumber ?? '', today);
  const name = v.student?.name?.trim();
  const school = v.student?.school?.trim();
  const level = v.student?.level;
  if (!v.campaignId || !v.unitId || parent.state !== 'valid' || student.state !== 'valid') return undefined;
  if (!name || !school || !level) return undefined;
  return {
    campaignId: v.campaignId,
    parentIdNumber: parent.value,
    unitId: v.unitId,
    student: { idNumber: student.value, name, level, school },
  };
}

/** The form field (name path) an API field path names: `student.idNumber` → ['student', 'idNumber']. */
export const applicationFormField = (apiField: string): string[] => apiField.split('.');
