import type { PeriodRow } from '@union/medical-aid/domain';

/** API.md's period, from its read-model row. */
export function periodView(row: PeriodRow) {
  return {
    periodId: row.periodId,
    version: row.version,
    name: row.name,
    coverageStart: row.coverageStart,
    coverageEnd: row.coverageEnd,
    enrollmentOpensOn: row.enrollmentOpensOn,
    enrollmentClosesOn: row.enrollmentClosesOn,
    contributionFen: row.contributionFen,
    waitingDays: row.waitingDays,
    claimDeadlineDays: row.claimDeadlineDays,
    rules: row.rules,
    policyVersion: row.policyVersion,
    openedBy: row.openedBy,
    openedAt: row.openedAt,
  };
}

export type PeriodView = ReturnType<typeof periodView>;
