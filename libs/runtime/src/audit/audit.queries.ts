import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { SEAL_ANCHOR_TEXT } from '@union/event-store';
import { OptionalPositiveInt, PageQuery } from '@union/platform';

const MAX_INT = 2_147_483_647;

/** `?fromVersion=` of a stream's history. */
export class StreamEventsQuery {
  @OptionalPositiveInt(MAX_INT)
  readonly fromVersion?: number;
}

/** `?asOfVersion=N` or `?asOf=<ISO instant>`, not both; neither: the current state. */
export class StreamStateQuery {
  @OptionalPositiveInt(MAX_INT)
  readonly asOfVersion?: number;
  @ApiPropertyOptional({ example: '2026-03-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  readonly asOf?: string;
}

/** `?fromPosition=&toPosition=` of the log. */
export class VerifyQuery {
  @OptionalPositiveInt(Number.MAX_SAFE_INTEGER)
  readonly fromPosition?: number;
  @OptionalPositiveInt(Number.MAX_SAFE_INTEGER)
  readonly toPosition?: number;
  @ApiPropertyOptional({ description: 'widen the range to whole seals (paged verification)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  readonly wholeSeals?: boolean;
  @ApiPropertyOptional({
    description:
      "a seal recorded earlier outside the database, `sealId:hash` (a previous answer's `seals.newest`): fails unless that seal is still there with that hash",
    example: '12:3f2a…',
  })
  @IsOptional()
  @Matches(SEAL_ANCHOR_TEXT, { message: 'anchor must be <sealId>:<64 hex digits>' })
  readonly anchor?: string;
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
