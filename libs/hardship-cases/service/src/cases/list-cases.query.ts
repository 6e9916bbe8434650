import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { HARDSHIP_TIERS, type HardshipTier } from '@union/contracts';
import { IsIsoDate } from '@union/platform';

/** `GET /api/v1/hardship/cases` filters (API.md) and paging. */
export class ListCasesQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) readonly unitId?: string;
  @ApiPropertyOptional({ enum: ['open', 'closed'] }) @IsOptional() @IsIn(['open', 'closed']) readonly status?: 'open' | 'closed';
  @ApiPropertyOptional({ enum: HARDSHIP_TIERS }) @IsOptional() @IsIn(HARDSHIP_TIERS) readonly tier?: HardshipTier;
  @ApiPropertyOptional({ example: '2027-01-01' }) @IsOptional() @IsIsoDate() readonly reviewDueBefore?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  readonly visitOverdue?: boolean;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) readonly page: number = 1;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) readonly pageSize: number = 50;
}
