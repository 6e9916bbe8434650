import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
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

/**
 * `orgId=&groupBy=child` of every statistic and report (`/hardship/stats`, the campaign report,
 * the fund report): the one query shape they extend.
 */
export class OrgReportQuery {
  @ApiPropertyOptional({
    example: 'ha-zz',
    description: 'Only records of this node and every node below it.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  readonly orgId?: string;
  @ApiPropertyOptional({
    enum: ORG_GROUPINGS,
    description: 'With orgId: the figures of each child node too.',
  })
  @IsOptional()
  @IsIn(ORG_GROUPINGS)
  readonly groupBy?: OrgGrouping;
}
