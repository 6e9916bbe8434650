import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQuery } from '@union/platform';
import { APPLICATION_STATUSES, type ApplicationStatus } from '@union/education-grants/domain';

/** `GET /api/v1/grants/applications` filters (API.md) and paging. */
export class ListApplicationsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() readonly campaignId?: string;
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  readonly status?: ApplicationStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) readonly unitId?: string;
  /** Leaves out what this user submitted (the approvals inbox passes its caller; beyond API.md). */
  @ApiPropertyOptional({ example: 'rv-henan' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  readonly submittedByNot?: string;
}
