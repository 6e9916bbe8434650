import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { HARDSHIP_TIERS, type HardshipTier } from '@union/contracts';
import {
  CLOSE_REASONS,
  HARDSHIP_CAUSES,
  INTAKE_CHANNELS,
  type CloseReason,
  type HardshipCause,
  type IntakeChannel,
} from '@union/hardship-cases/domain';
import { ConsentDto, ConsentProperty, IsFen, IsIdNumber } from '@union/platform';

export class PersonDto {
  @ApiProperty({ example: '11010519491231002X' }) @IsIdNumber() readonly idNumber: string;
  @ApiProperty({ example: '王建国' }) @IsString() @Length(1, 50) readonly name: string;
  @ApiPropertyOptional({ example: '13800138000' })
  @IsOptional()
  @Matches(/^\+?[0-9-]{5,20}$/)
  readonly phone?: string;
}

export class HouseholdDto {
  @ApiProperty({ example: 3 }) @IsInt() @Min(1) @Max(50) readonly size: number;
  @ApiProperty({ example: 240000, description: 'Total monthly household income in fen.' })
  @IsFen()
  readonly monthlyIncomeFen: number;
}

/** The causes of a household's difficulty: a non-empty set of the listed ones. */
export function CausesProperty(options: { optional?: boolean } = {}): PropertyDecorator {
  const doc = { example: ['illness', 'education'], enum: HARDSHIP_CAUSES, isArray: true };
  return applyDecorators(
    ...(options.optional ? [ApiPropertyOptional(doc), IsOptional()] : [ApiProperty(doc)]),
    IsArray(),
    ArrayNotEmpty(),
    ArrayUnique(),
    ArrayMaxSize(HARDSHIP_CAUSES.length),
    IsIn(HARDSHIP_CAUSES, { each: true }),
  );
}

/** `POST /api/v1/hardship/cases` (API.md). */
export class OpenCaseDto {
  @ApiProperty({ type: PersonDto }) @ValidateNested() @Type(() => PersonDto) readonly person: PersonDto;
  @ApiProperty({ example: 'unit-0001' }) @IsString() @Length(1, 64) readonly unitId: string;
  @ApiProperty({ example: '110105' })
  @Matches(/^\d{6}$/, { message: 'regionCode must be 6 digits' })
  readonly regionCode: string;
  @ApiProperty({ type: HouseholdDto })
  @ValidateNested()
  @Type(() => HouseholdDto)
  readonly household: HouseholdDto;
  @CausesProperty() readonly causes: HardshipCause[];
  @ApiProperty({ example: 'walk_in', enum: INTAKE_CHANNELS })
  @IsIn(INTAKE_CHANNELS)
  readonly channel: IntakeChannel;
  @ApiPropertyOptional({ description: 'A pending referral of the inbox this case takes up.' })
  @IsOptional()
  @IsUUID()
  readonly referralId?: string;
  @ApiPropertyOptional({ example: 5000000 }) @IsOptional() @IsFen() readonly emergencyExpenseFen?: number;
  @ApiPropertyOptional({ enum: HARDSHIP_TIERS })
  @IsOptional()
  @IsIn(HARDSHIP_TIERS)
  readonly tierOverride?: HardshipTier;
  @ApiPropertyOptional({ example: '工会委员会决定' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  readonly overrideReason?: string;
  @ConsentProperty('The worker') readonly consent?: ConsentDto;
}

/** `POST /api/v1/hardship/cases/{caseId}/close`. */
export class CloseCaseDto {
  @ApiProperty({ example: 'moved_away', enum: CLOSE_REASONS })
  @IsIn(CLOSE_REASONS)
  readonly reason: CloseReason;
  @ApiPropertyOptional({ example: '全家迁往外省' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  readonly note?: string;
}

/** `POST /api/v1/hardship/cases?dryRun=true`: decide and answer the case, store nothing. */
export class OpenCaseQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  readonly dryRun?: 'true' | 'false';
}
