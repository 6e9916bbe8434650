import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageQuery } from '@union/platform';

export const CAMPAIGN_STATUSES = ['open', 'closed'] as const;

/** `GET /api/v1/grants/campaigns?year=&status=`: the campaigns to pick from (beyond API.md). */
export class ListCampaignsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  readonly year?: number;
  @ApiPropertyOptional({ enum: CAMPAIGN_STATUSES })
  @IsOptional()
  @IsIn(CAMPAIGN_STATUSES)
  readonly status?: (typeof CAMPAIGN_STATUSES)[number];
}
