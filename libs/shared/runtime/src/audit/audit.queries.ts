import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsISO8601, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { PageQuery } from '@union/platform';

const MAX_INT = 2_147_483_647;

/** `?fromVersion=` of a stream's history. */
export class StreamEventsQuery {
  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  readonly fromVersion?: number;
}

/** `?asOfVersion=N` or `?asOf=<ISO instant>`, not both; neither: the current state. */
export class StreamStateQuery {
  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  readonly asOfVersion?: number;
  @ApiPropertyOptional({ example: '2026-03-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  readonly asOf?: string;
}

/** `?fromPosition=&toPosition=` of the log. */
export class VerifyQuery {
  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  readonly fromPosition?: number;
  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  readonly toPosition?: number;
  @ApiPropertyOptional({ description: 'widen the range to whole seals (paged verification)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  readonly wholeSeals?: boolean;
}

/** Filters and paging of the access log. */
export class AccessLogQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  readonly actor?: string;
  @ApiPropertyOptional({ description: 'a record or stream id, or a person ref' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  readonly subject?: string;
}
