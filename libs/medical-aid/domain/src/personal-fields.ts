/**
 * The personal fields of the medical-aid service's events (DOMAIN.md §5: names, identity numbers,
 * and medical data: the diagnosis and where the member was treated), sealed in the event log with
 * the member's key (docs/personal-information.md). The bill's amounts and the payouts stay.
 */
export const MEDICAL_AID_PERSONAL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  MemberEnrolled: ['idNumberMasked', 'name'],
  ClaimAdmissionRegistered: ['hospital'],
  ClaimSubmitted: ['memberName', 'idNumberMasked', 'hospital', 'diagnosisCode'],
  HardshipRiskDetected: ['memberName'],
};
