import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
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

/** `?fromPosition=&toPosition=&anchor=` of a streamed verification (one pass over the range). */
export class VerifyStreamQuery {
  @OptionalPositiveInt(Number.MAX_SAFE_INTEGER)
  readonly fromPosition?: number;
  @OptionalPositiveInt(Number.MAX_SAFE_INTEGER)
  readonly toPosition?: number;
  @ApiPropertyOptional({
    description:
      "a seal recorded earlier outside the database, `sealId:hash` (a previous answer's `seals.newest`): fails unless that seal is still there with that hash",
    example: '12:3f2a…',
  })
  @IsOptional()
  @Matches(SEAL_ANCHOR_TEXT, { message: 'anchor must be <sealId>:<64 hex digits>' })
  readonly anchor?: string;
}

/** `?fromPosition=&toPosition=&wholeSeals=&anchor=` of the log. */
export class VerifyQuery extends VerifyStreamQuery {
  @ApiPropertyOptional({ description: 'widen the range to whole seals (paged verification)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  readonly wholeSeals?: boolean;
}

/** `?version=N` of "as decided": the decision's version in its stream. */
export class AsDecidedQuery {
  @ApiProperty({ minimum: 1, maximum: MAX_INT, example: 3 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  readonly version!: number;
}

/** `?format=json|csv` of an evidence export. */
export class ExportQuery {
  @ApiProperty({ enum: ['json', 'csv'] })
  @IsIn(['json', 'csv'])
  readonly format!: 'json' | 'csv';
}

/** Paging of the seals list. */
export class SealsQuery extends PageQuery {}

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
