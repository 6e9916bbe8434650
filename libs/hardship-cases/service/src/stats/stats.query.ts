import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { OrgReportQuery } from '@union/runtime';

/** `GET /api/v1/hardship/stats?year=&unitId=&orgId=&groupBy=child`. */
export class StatsQuery extends OrgReportQuery {
  @ApiProperty({ example: 2025 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) readonly year: number;
  @ApiPropertyOptional({ example: 'unit-0001', description: 'Only cases of exactly this unit.' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  readonly unitId?: string;
}
