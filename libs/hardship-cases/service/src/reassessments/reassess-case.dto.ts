import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateNested } from 'class-validator';
import type { HardshipCause } from '@union/hardship-cases/domain';
import { IsFen } from '@union/platform';
import { CausesProperty, HouseholdDto } from '../cases/open-case.dto';

/**
 * `POST /api/v1/hardship/cases/{caseId}/reassessments`: fresh household figures. An emergency
 * expense not given again is not carried over (it must fall in the 12 months before this review).
 */
export class ReassessCaseDto {
  @ApiProperty({ type: HouseholdDto })
  @ValidateNested()
  @Type(() => HouseholdDto)
  readonly household: HouseholdDto;
  @CausesProperty({ optional: true }) readonly causes?: HardshipCause[];
  @ApiPropertyOptional({ example: 3000000 }) @IsOptional() @IsFen() readonly emergencyExpenseFen?: number;
}

/** `POST .../reassessments?dryRun=true`: the reassessment decided and answered, nothing stored. */
export class ReassessCaseQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  readonly dryRun?: 'true' | 'false';
}
