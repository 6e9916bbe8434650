import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import type { ReferralStatus } from '@union/hardship-cases/domain';
import { PageQuery } from '@union/platform';

export const REFERRAL_STATUSES: readonly ReferralStatus[] = ['pending', 'accepted', 'dismissed', 'attached'];

/** `GET /api/v1/hardship/referrals`: the referral inbox, newest first. */
export class ListReferralsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REFERRAL_STATUSES, example: 'pending' })
  @IsOptional()
  @IsIn(REFERRAL_STATUSES)
  readonly status?: ReferralStatus;
  @ApiPropertyOptional({ example: 'unit-0001' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  readonly unitId?: string;
}
