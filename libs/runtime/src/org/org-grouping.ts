import { DomainError } from '@union/kernel';

/** `groupBy` of statistics and reports: one entry per child node of `orgId` (DOMAIN.md §4). */
export const ORG_GROUPINGS = ['child'] as const;
export type OrgGrouping = (typeof ORG_GROUPINGS)[number];

/** 400 `VALIDATION_FAILED` for `groupBy` without the `orgId` whose children it names. */
export function assertGrouping(query: { orgId?: string; groupBy?: string }): void {
  if (query.groupBy !== undefined && query.orgId === undefined) {
    throw new DomainError('VALIDATION_FAILED', 'groupBy=child needs the orgId whose children it groups by.', {
      errors: [{ field: 'groupBy', message: 'needs orgId' }],
    });
  }
}
