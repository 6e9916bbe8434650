import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsObject, IsOptional, IsString, Length } from 'class-validator';
import { HARDSHIP_TIERS, type HardshipTier } from '@union/contracts';
import { IsIsoDate, PageQuery } from '@union/platform';
import type { AmountsByTier } from '@union/hardship-cases/domain';

/** `POST /api/v1/hardship/holiday-batches` (两节送温暖). Amounts are checked by the batch decider. */
export class PrepareHolidayBatchDto {
  @ApiProperty({ example: '2025年春节送温暖' }) @IsString() @Length(1, 100) readonly name: string;
  @ApiProperty({ example: 'org-city-0001', description: 'The node whose subtree is the target.' })
  @IsString()
  @Length(1, 64)
  readonly orgId: string;
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000001' })
  @IsString()
  @Length(1, 64)
  readonly fundId: string;
  @ApiProperty({ enum: HARDSHIP_TIERS, isArray: true, example: ['deep', 'relative'] })
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @IsIn(HARDSHIP_TIERS, { each: true })
  readonly tiers: HardshipTier[];
  @ApiProperty({ example: { deep: 100000, relative: 50000 }, description: 'Fen per household, by tier.' })
  @IsObject()
  readonly amountsByTierFen: AmountsByTier;
  @ApiProperty({ example: '2025-01-20' }) @IsIsoDate() readonly paidOn: string;
}

/** `POST .../approve` (a reviewer other than the preparer). */
export class ApproveHolidayBatchDto {
  @ApiPropertyOptional({ example: '名单经审核无误' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  readonly reason?: string;
}

/** `POST .../reject`: the reason is required. */
export class RejectHolidayBatchDto {
  @ApiProperty({ example: '名单需重新核对' }) @IsString() @Length(1, 1000) readonly reason: string;
}

/** `GET .../lines` filter and paging. */
export class BatchLinesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['included', 'excluded', 'recorded', 'unrecorded'] })
  @IsOptional()
  @IsIn(['included', 'excluded', 'recorded', 'unrecorded'])
  readonly status?: 'included' | 'excluded' | 'recorded' | 'unrecorded';
}

export const BATCH_STATUSES = ['draft', 'approved', 'running', 'done', 'refused'] as const;

/**
 * `GET /api/v1/hardship/holiday-batches` (beyond API.md): the batches of the caller's subtrees,
 * e.g. the drafts waiting for a reviewer (`status=draft`).
 */
export class ListHolidayBatchesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: BATCH_STATUSES })
  @IsOptional()
  @IsIn(BATCH_STATUSES)
  readonly status?: (typeof BATCH_STATUSES)[number];
  @ApiPropertyOptional({ example: 'ha-zz', description: 'Batches of this node and every node below it.' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  readonly orgId?: string;
  @ApiPropertyOptional({
    example: 'rv-henan',
    description: 'Leaves out what this user prepared (the approvals inbox passes its caller).',
  })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  readonly submittedByNot?: string;
}
