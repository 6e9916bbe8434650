import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { APPLICATION_STATUSES, type ApplicationStatus } from '@union/education-grants/domain';

/** `GET /api/v1/grants/applications` filters (API.md) and paging. */
export class ListApplicationsQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() readonly campaignId?: string;
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  readonly status?: ApplicationStatus;
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
