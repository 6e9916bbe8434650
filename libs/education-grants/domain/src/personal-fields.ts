/**
 * The personal fields of the grants service's events (DOMAIN.md §5), sealed in the event log with
 * the key of the person they belong to: the parent's with the parent's (the event's person), the
 * student's with the student's, so each can be erased alone (docs/personal-information.md). The
 * parent's `consent` (reference of the signed 授权书, date) stays in the clear: the proof of lawful
 * processing outlives an erasure (docs/personal-information.md, "Consent").
 */
export const GRANTS_PERSONAL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  GrantApplicationSubmitted: [
    'parentIdNumberMasked',
    'studentIdNumberMasked@studentPersonRef',
    'studentName@studentPersonRef',
    'school@studentPersonRef',
  ],
};
