import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageQuery } from '@union/platform';

export const CAMPAIGN_STATUSES = ['open', 'closed'] as const;

/** `GET /api/v1/grants/campaigns` filters (docs/api-changes.md) and paging. */
export class ListCampaignsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CAMPAIGN_STATUSES })
  @IsOptional()
  @IsIn(CAMPAIGN_STATUSES)
  readonly status?: (typeof CAMPAIGN_STATUSES)[number];
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(9999)
  readonly year?: number;
}
