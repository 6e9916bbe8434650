import { CONSENT_DOCUMENT_REF_MAX_LENGTH, isIsoDate, type Consent } from '@union/kernel/browser';

export { CONSENT_DOCUMENT_REF_MAX_LENGTH };

/** The form's 授权书编号 and 签署日期, under `consent` (the API's field path). */
export interface ConsentValues {
  documentRef?: string;
  signedOn?: string;
}

/**
 * The request's `consent`, or undefined while either field is empty or not acceptable yet (a
 * reference too long, a date not written YYYY-MM-DD or after `today`). The service decides: this
 * only keeps a half-typed consent out of the request.
 */
export function consentOf(values: ConsentValues | undefined, today: string): Consent | undefined {
  const documentRef = values?.documentRef?.trim();
  const signedOn = values?.signedOn;
  if (!documentRef || documentRef.length > CONSENT_DOCUMENT_REF_MAX_LENGTH) return undefined;
  if (!isIsoDate(signedOn) || signedOn > today) return undefined;
  return { documentRef, signedOn };
}

/** Why a 签署日期 is refused before it is sent, or undefined when it may be. */
export function signedOnProblem(signedOn: string | undefined, today: string): string | undefined {
  if (!signedOn) return '请选择授权书的签署日期';
  if (!isIsoDate(signedOn)) return '请按“年-月-日”填写签署日期';
  if (signedOn > today) return '签署日期不能晚于今天（建档或申请之日）';
  return undefined;
}
