import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** `POST /api/v1/hardship/referrals/{referralId}/dismiss`: the referral needs no case, and why. */
export class DismissReferralDto {
  @ApiProperty({ example: '街道已纳入临时救助，暂不建档' })
  @IsString()
  @Length(1, 1000)
  readonly reason: string;
}
