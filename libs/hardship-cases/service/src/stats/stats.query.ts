import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { ORG_GROUPINGS, type OrgGrouping } from '@union/runtime';

/** `GET /api/v1/hardship/stats?year=&unitId=&orgId=&groupBy=child`. */
export class StatsQuery {
  @ApiProperty({ example: 2025 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) readonly year: number;
  @ApiPropertyOptional({ example: 'unit-0001', description: 'Only cases of exactly this unit.' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  readonly unitId?: string;
  @ApiPropertyOptional({
    example: 'org-henan',
    description: 'Only cases of this node and every node below it.',
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
