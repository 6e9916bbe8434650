import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { HARDSHIP_TIERS, type HardshipTier } from '@union/contracts';
import { IsFen, IsIsoDate } from '@union/platform';

/** The grant per level in fen; a level left out is not funded (DOMAIN.md §2). */
export class AmountsByLevelDto {
  @ApiPropertyOptional({ example: 100000 }) @IsOptional() @IsFen() readonly primary?: number;
  @ApiPropertyOptional({ example: 150000 }) @IsOptional() @IsFen() readonly junior_high?: number;
  @ApiPropertyOptional({ example: 200000 }) @IsOptional() @IsFen() readonly senior_high?: number;
  @ApiPropertyOptional({ example: 200000 }) @IsOptional() @IsFen() readonly vocational?: number;
  @ApiPropertyOptional({ example: 500000 }) @IsOptional() @IsFen() readonly undergraduate?: number;
  @ApiPropertyOptional({ example: 500000 }) @IsOptional() @IsFen() readonly postgraduate?: number;
}

/** `POST /api/v1/grants/campaigns` (API.md). The domain checks the rest (window order, amounts > 0). */
export class OpenCampaignDto {
  @ApiProperty({ example: 2026 }) @IsInt() @Min(1000) @Max(9999) readonly year: number;
  @ApiProperty({ example: '2026年金秋助学' }) @IsString() @Length(1, 200) readonly name: string;
  @ApiProperty({ example: 50000000 }) @IsFen() readonly budgetFen: number;
  @ApiProperty({ example: '2026-07-01' }) @IsIsoDate() readonly opensOn: string;
  @ApiProperty({ example: '2026-08-20' }) @IsIsoDate() readonly closesOn: string;
  @ApiProperty({ example: '2026-09-01' }) @IsIsoDate() readonly schoolStartOn: string;
  @ApiProperty({ type: AmountsByLevelDto })
  @ValidateNested()
  @Type(() => AmountsByLevelDto)
  readonly amountsByLevelFen: AmountsByLevelDto;
  @ApiPropertyOptional({ enum: HARDSHIP_TIERS, isArray: true, example: ['deep', 'relative'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsIn(HARDSHIP_TIERS, { each: true })
  readonly eligibleTiers?: HardshipTier[];
}
