import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { HARDSHIP_TIERS, type HardshipTier } from '@union/contracts';
import type { HardshipCause } from '@union/hardship-cases/domain';
import { IsFen } from '@union/platform';
import { CausesProperty, HouseholdDto } from '../cases/open-case.dto';

/**
 * `POST /api/v1/hardship/cases/{caseId}/reopen`. API.md asks for `{ reason }`; the rest is
 * optional: fresh figures (else the last ones are assessed again under today's policy), and an
 * override with a written reason for a household the rules would refuse.
 */
export class ReopenCaseDto {
  @ApiProperty({ example: '家庭成员再次患病，收入下降' })
  @IsString()
  @Length(1, 1000)
  readonly reason: string;
  @ApiPropertyOptional({ type: HouseholdDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => HouseholdDto)
  readonly household?: HouseholdDto;
  @CausesProperty({ optional: true }) readonly causes?: HardshipCause[];
  @ApiPropertyOptional({ example: 3000000 }) @IsOptional() @IsFen() readonly emergencyExpenseFen?: number;
  @ApiPropertyOptional({ enum: HARDSHIP_TIERS })
  @IsOptional()
  @IsIn(HARDSHIP_TIERS)
  readonly tierOverride?: HardshipTier;
  @ApiPropertyOptional({ example: '工会委员会决定' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  readonly overrideReason?: string;
}
