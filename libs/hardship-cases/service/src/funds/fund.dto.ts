import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { FUND_CATEGORIES, type FundCategory } from '@union/hardship-cases/domain';
import { IsFen, PageQuery } from '@union/platform';

/** `POST /api/v1/hardship/funds` (admin): a special fund (专项资金) held by a node. */
export class CreateFundDto {
  @ApiProperty({ example: '2025年困难职工帮扶专项资金' }) @IsString() @Length(1, 100) readonly name: string;
  @ApiProperty({ example: 2025 }) @IsInt() @Min(2000) @Max(2100) readonly year: number;
  @ApiProperty({ example: 'any', enum: FUND_CATEGORIES, description: '`any` pays every category.' })
  @IsIn(FUND_CATEGORIES)
  readonly category: FundCategory;
  @ApiProperty({ example: 'org-henan' }) @IsString() @Length(1, 64) readonly holderOrgId: string;
  @ApiProperty({ example: 977_500_000, description: 'Value in fen, more than 0.' })
  @IsFen()
  @Min(1)
  readonly amountFen: number;
}

/** `POST /api/v1/hardship/funds/{fundId}/allocations` (admin): pass part down to a child node (下拨). */
export class AllocateFundDto {
  @ApiProperty({ example: 'org-zhengzhou', description: 'A child node of the fund’s holder.' })
  @IsString()
  @Length(1, 64)
  readonly toOrgId: string;
  @ApiProperty({ example: 120_000_000, description: 'Value in fen, more than 0.' })
  @IsFen()
  @Min(1)
  readonly amountFen: number;
  @ApiPropertyOptional({ example: '2025年第一批下拨' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  readonly note?: string;
}

/** `GET /api/v1/hardship/funds`. */
export class ListFundsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'org-henan' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  readonly holderOrgId?: string;
  @ApiPropertyOptional({ example: 2025 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  readonly year?: number;
  @ApiPropertyOptional({ enum: FUND_CATEGORIES })
  @IsOptional()
  @IsIn(FUND_CATEGORIES)
  readonly category?: FundCategory;
}

/** `GET /api/v1/hardship/funds/{fundId}/report`: by child node, the one grouping there is. */
export class FundReportQuery {
  @ApiPropertyOptional({ enum: ['child'], default: 'child' })
  @IsOptional()
  @IsIn(['child'])
  readonly groupBy?: 'child';
}
