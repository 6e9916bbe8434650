import { ApiProperty } from '@nestjs/swagger';
import { Matches, Min } from 'class-validator';
import { IsBp, IsFen } from '@union/platform';

/** The region in `PUT /policies/regions/{regionCode}`. */
export class RegionCodeParam {
  @ApiProperty({ example: '110105', description: '6-digit administrative division (GB/T 2260).' })
  @Matches(/^\d{6}$/, { message: 'regionCode must be 6 digits' })
  readonly regionCode: string;
}

/** `PUT /api/v1/hardship/policies/regions/{regionCode}` (admin): a region's hardship lines. */
export class PublishPolicyDto {
  @ApiProperty({
    example: 110000,
    description: '低保标准: minimum living standard per person per month, in fen.',
  })
  @IsFen({ max: 10_000_000 })
  @Min(1)
  readonly minimumLivingStandardFen: number;

  @ApiProperty({
    example: 15000,
    description: 'The relative line is floor(L * this / 10000); 10000 to 100000.',
  })
  @IsBp({ max: 100_000 })
  @Min(10_000)
  readonly relativeMultiplierBp: number;
}
