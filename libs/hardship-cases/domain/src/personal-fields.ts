/**
 * The personal fields of the hardship service's events (DOMAIN.md §5), sealed in the event log
 * with the person's key and read as erased once it is destroyed (docs/personal-information.md).
 * Staff names (visitor, helper, actors), amounts, tiers and dates are not the person's and stay.
 * So does the opening's `consent` (the union's reference of the signed 授权书 and its date): the
 * proof of lawful processing must outlive an erasure (docs/personal-information.md, "Consent").
 */
export const HARDSHIP_PERSONAL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  HardshipCaseOpened: ['idNumberMasked', 'name', 'phone'],
  HomeVisitRecorded: ['findings'],
  ReferralReceived: ['memberName'],
};
