import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQuery } from '@union/platform';
import type { ClaimStatus } from '@union/medical-aid/domain';

export const CLAIM_STATUSES: readonly ClaimStatus[] = ['submitted', 'approved', 'rejected', 'paid'];

/** `GET /api/v1/medical-aid/claims` filters (API.md) and paging. */
export class ListClaimsQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() readonly periodId?: string;
  @ApiPropertyOptional({ enum: CLAIM_STATUSES })
  @IsOptional()
  @IsIn(CLAIM_STATUSES)
  readonly status?: ClaimStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) readonly unitId?: string;
  /** Leaves out what this user submitted (the approvals inbox passes its caller; beyond API.md). */
  @ApiPropertyOptional({ example: 'rv-henan' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  readonly submittedByNot?: string;
}
