import { In, type EntityManager } from 'typeorm';
import {
  applicationRowToRecurringSource,
  recurringStudentsFrom,
  type ParentEligibilityRow,
  type RecurringStudent,
} from '@union/education-grants/domain';
import { HardshipEligibilityEntity } from '@union/runtime';
import { GrantApplicationEntity } from '../../read-models/grant-application.entity';

/** What the system needs to apply for recurring students when a campaign opens. */
export interface RecurringFacts {
  students: RecurringStudent[];
  eligibility: Map<string, ParentEligibilityRow>;
}

/**
 * The recurring students of earlier campaigns (approved applications marked recurring, oldest
 * first) and their parents' eligibility now, from the service's own projections, read in the
 * opening's transaction.
 */
export async function readRecurringFacts(tx: EntityManager, newCampaignId: string): Promise<RecurringFacts> {
  const rows = await tx.getRepository(GrantApplicationEntity).find({
    where: { recurring: true, status: In(['approved', 'disbursed', 'on_hold']) },
    order: { submittedAt: 'ASC', applicationId: 'ASC' },
  });
  const students = recurringStudentsFrom(
    rows.map((r) => applicationRowToRecurringSource(r.data)),
    newCampaignId,
  );
  const parents = [...new Set(students.map((s) => s.parentPersonRef))];
  const eligibility = new Map<string, ParentEligibilityRow>();
  if (parents.length === 0) return { students, eligibility };
  for (const row of await tx.getRepository(HardshipEligibilityEntity).findBy({ personRef: In(parents) })) {
    eligibility.set(row.personRef, {
      personRef: row.personRef,
      caseId: row.caseId,
      open: row.open,
      tier: row.tier,
    });
  }
  return { students, eligibility };
}
