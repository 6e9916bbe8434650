import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { HARDSHIP_TIERS, type HardshipTier } from '@union/contracts';
import { IsIsoDate } from '@union/platform';
import { PageQuery } from '@union/platform';

/** `GET /api/v1/hardship/cases` filters (API.md) and paging. */
export class ListCasesQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'unit-0001' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  readonly unitId?: string;
  @ApiPropertyOptional({ enum: ['open', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'closed'])
  readonly status?: 'open' | 'closed';
  @ApiPropertyOptional({ enum: HARDSHIP_TIERS })
  @IsOptional()
  @IsIn(HARDSHIP_TIERS)
  readonly tier?: HardshipTier;
  @ApiPropertyOptional({ example: '2027-01-01' })
  @IsOptional()
  @IsIsoDate()
  readonly reviewDueBefore?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  readonly visitOverdue?: boolean;
}
