import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageQuery } from '@union/platform';

export const ASSISTANCE_LIST_STATUSES = ['pending_approval', 'disbursed', 'rejected'] as const;
export type AssistanceListStatus = (typeof ASSISTANCE_LIST_STATUSES)[number];

/**
 * `GET /api/v1/hardship/assistance` (beyond API.md): assistance across the cases of the caller's
 * units, e.g. every request waiting for a second reviewer (`status=pending_approval`).
 */
export class ListAssistanceQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ASSISTANCE_LIST_STATUSES })
  @IsOptional()
  @IsIn(ASSISTANCE_LIST_STATUSES)
  readonly status?: AssistanceListStatus;
  @ApiPropertyOptional({ example: 'ha-zz-jsq', description: 'Cases of exactly this unit.' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  readonly unitId?: string;
  @ApiPropertyOptional({
    example: 'rv-henan',
    description: 'Leaves out what this user recorded (the approvals inbox passes its caller).',
  })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  readonly submittedByNot?: string;
}
