import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import type { ClaimStatus } from '@union/medical-aid/domain';

export const CLAIM_STATUSES: readonly ClaimStatus[] = ['submitted', 'approved', 'rejected', 'paid'];

/** `GET /api/v1/medical-aid/claims` filters (API.md) and paging. */
export class ListClaimsQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() readonly periodId?: string;
  @ApiPropertyOptional({ enum: CLAIM_STATUSES })
  @IsOptional()
  @IsIn(CLAIM_STATUSES)
  readonly status?: ClaimStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) readonly unitId?: string;
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  readonly page: number = 1;
  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  readonly pageSize: number = 50;
}
