import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { ORG_GROUPINGS, type OrgGrouping } from '@union/runtime';

/** `GET /api/v1/grants/campaigns/{id}/report?orgId=&groupBy=child`. */
export class CampaignReportQuery {
  @ApiPropertyOptional({
    example: 'org-henan',
    description: 'Only applications of this node and every node below it.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  readonly orgId?: string;
  @ApiPropertyOptional({
    enum: ORG_GROUPINGS,
    description: 'With orgId: the application figures of each child node too.',
  })
  @IsOptional()
  @IsIn(ORG_GROUPINGS)
  readonly groupBy?: OrgGrouping;
}
