import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** A page of a list (API.md, "Lists"). */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/**
 * An optional query parameter that is a whole number from 1 to `max` (`?page=2`), converted from
 * the query string's text and documented in OpenAPI with its bounds.
 */
export function OptionalPositiveInt(
  max: number,
  api: { default?: number; example?: unknown } = {},
): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ minimum: 1, maximum: max, ...api }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(max),
  );
}

/** `page` (from 1) and `pageSize` (default 50, max 500): every list query extends this. */
export class PageQuery {
  @OptionalPositiveInt(1_000_000, { default: 1 })
  readonly page: number = 1;
  @OptionalPositiveInt(500, { default: 50 })
  readonly pageSize: number = 50;
}
