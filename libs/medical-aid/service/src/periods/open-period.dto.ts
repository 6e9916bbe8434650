import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { HARDSHIP_TIERS, type HardshipTier } from '@union/contracts';
import { IsBp, IsFen, IsIsoDate } from '@union/platform';

/** One band of a piecewise rate; the last band has `uptoFen: null`. The domain checks the order. */
export class BandDto {
  @ApiProperty({ example: 5000000, type: Number, nullable: true })
  @ValidateIf((band: BandDto) => band.uptoFen !== null)
  @IsFen()
  readonly uptoFen: number | null;
  @ApiProperty({ example: 5000 }) @IsBp() readonly ratioBp: number;
}

export class InpatientRulesDto {
  @ApiProperty({ example: 100000 }) @IsFen() readonly deductibleFen: number;
  @ApiProperty({ type: [BandDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => BandDto)
  readonly bands: BandDto[];
  @ApiPropertyOptional({ example: 20000000 }) @IsOptional() @IsFen() readonly annualCapFen?: number;
}

export class SeriousIllnessRulesDto {
  @ApiPropertyOptional({ example: 6000000 }) @IsOptional() @IsFen() readonly thresholdFen?: number;
  @ApiProperty({ type: [BandDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => BandDto)
  readonly bands: BandDto[];
  @ApiPropertyOptional({ example: 5000000 }) @IsOptional() @IsFen() readonly capFen?: number;
}

export class HardshipRiskRulesDto {
  @ApiPropertyOptional({ example: 3000000 }) @IsOptional() @IsFen() readonly thresholdFen?: number;
}

export class PeriodRulesDto {
  @ApiProperty({ type: InpatientRulesDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => InpatientRulesDto)
  readonly inpatient: InpatientRulesDto;
  @ApiProperty({ type: SeriousIllnessRulesDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => SeriousIllnessRulesDto)
  readonly seriousIllness: SeriousIllnessRulesDto;
  @ApiPropertyOptional({ type: HardshipRiskRulesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => HardshipRiskRulesDto)
  readonly hardshipRisk?: HardshipRiskRulesDto;
  @ApiPropertyOptional({ example: ['deep'], enum: HARDSHIP_TIERS, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(HARDSHIP_TIERS, { each: true })
  readonly waiveContributionForTiers?: HardshipTier[];
}

/** `POST /api/v1/medical-aid/periods` (API.md). Omitted values take DOMAIN.md's defaults. */
export class OpenPeriodDto {
  @ApiProperty({ example: '2025年度第3期' }) @IsString() @Length(1, 100) readonly name: string;
  @ApiProperty({ example: '2025-01-01' }) @IsIsoDate() readonly coverageStart: string;
  @ApiProperty({ example: '2025-12-31' }) @IsIsoDate() readonly coverageEnd: string;
  @ApiProperty({ example: '2024-12-01' }) @IsIsoDate() readonly enrollmentOpensOn: string;
  @ApiProperty({ example: '2025-03-31' }) @IsIsoDate() readonly enrollmentClosesOn: string;
  @ApiPropertyOptional({ example: 10000 }) @IsOptional() @IsFen() readonly contributionFen?: number;
  @ApiPropertyOptional({ example: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  readonly waitingDays?: number;
  @ApiPropertyOptional({ example: 180 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  readonly claimDeadlineDays?: number;
  @ApiProperty({ type: PeriodRulesDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => PeriodRulesDto)
  readonly rules: PeriodRulesDto;
}
