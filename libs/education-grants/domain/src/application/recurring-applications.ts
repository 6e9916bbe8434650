import { isEligible, type EducationLevel } from '@union/contracts';
import type { Consent, IsoDate } from '@union/kernel';
import type { ParentEligibilityRow } from '../eligibility/parent-eligibility.projection';
import type { CampaignFacts, SubmitApplication } from './application.commands';

/** A student marked recurring (常年帮扶对象) on an approved application of an earlier campaign. */
export interface RecurringStudent {
  readonly parentPersonRef: string;
  readonly parentIdNumberMasked: string;
  readonly studentPersonRef: string;
  readonly studentIdNumberMasked: string;
  readonly studentName: string;
  /** The level recorded last time; a caseworker withdraws and resubmits if the child moved up. */
  readonly level: EducationLevel;
  readonly school: string;
  readonly unitId: string;
  /** The parent's authorisation on that application; null when it was submitted before one was required. */
  readonly consent: Consent | null;
}

/** Time and ids for the generated commands. */
export interface RecurringContext {
  readonly today: IsoDate;
  readonly now: string;
  /** A fresh application id per call. */
  readonly nextId: () => string;
  /** Students who already have a live application in the new campaign: skipped. */
  readonly alreadyApplied?: ReadonlySet<string>;
}

/** Who submits the applications created for recurring students. */
export const SYSTEM_ACTOR = 'system';

/**
 * The applications to submit when `campaign` opens: one per recurring student whose parent still
 * holds an open case of a tier the campaign accepts and whose level it funds. A student listed
 * twice (recurring in several earlier campaigns) gets one application, from the last listing, so
 * pass them oldest first. Pure: ids come from `context.nextId`.
 *
 * Each carries the parent's authorisation (授权书) of the application it continues: the parent
 * consented to the support that approval made recurring. A student whose earlier application has
 * none (submitted before consent was required) is left to a caseworker, who applies with one.
 */
export function recurringApplicationsFor(
  campaign: CampaignFacts,
  students: readonly RecurringStudent[],
  eligibility: ReadonlyMap<string, ParentEligibilityRow>,
  context: RecurringContext,
): SubmitApplication[] {
  const latest = new Map<string, RecurringStudent>();
  for (const student of students) {
    latest.delete(student.studentPersonRef);
    latest.set(student.studentPersonRef, student);
  }
  return [...latest.values()]
    .filter((s) => !(context.alreadyApplied?.has(s.studentPersonRef) ?? false))
    .filter((s) => isEligible(eligibility.get(s.parentPersonRef) ?? null, campaign.eligibleTiers))
    .filter((s) => campaign.amountsByLevelFen[s.level] !== undefined)
    .filter((s) => s.consent !== null)
    .map((s): SubmitApplication => {
      const row = eligibility.get(s.parentPersonRef) ?? null;
      return {
        type: 'SubmitApplication',
        applicationId: context.nextId(),
        campaign,
        parent: { personRef: s.parentPersonRef, idNumberMasked: s.parentIdNumberMasked },
        student: {
          personRef: s.studentPersonRef,
          idNumberMasked: s.studentIdNumberMasked,
          name: s.studentName,
          level: s.level,
          school: s.school,
        },
        unitId: s.unitId,
        eligibility: { openCase: row?.open ?? false, tier: row?.tier ?? null },
        consent: s.consent,
        auto: true,
        submittedBy: SYSTEM_ACTOR,
        today: context.today,
        now: context.now,
      };
    });
}

/** What {@link recurringStudentsFrom} reads of an application row. */
export interface RecurringSource extends RecurringStudent {
  readonly campaignId: string;
  readonly status: string;
  readonly heldFrom: string | null;
  readonly recurring: boolean;
  readonly submittedAt: string;
}

/**
 * The recurring students of earlier campaigns, oldest application first, from application rows
 * (see `applicationRowToRecurringSource`): applications marked recurring that were approved and
 * not withdrawn or rejected since (approved, disbursed, or held after approval).
 */
export function recurringStudentsFrom(
  rows: readonly RecurringSource[],
  newCampaignId: string,
): RecurringStudent[] {
  return rows
    .filter((r) => r.campaignId !== newCampaignId && r.recurring)
    .filter(
      (r) =>
        r.status === 'approved' ||
        r.status === 'disbursed' ||
        (r.status === 'on_hold' && r.heldFrom === 'approved'),
    )
    .slice()
    .sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0));
}
