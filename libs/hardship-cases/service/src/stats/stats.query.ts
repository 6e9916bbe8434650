import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

/** `GET /api/v1/hardship/stats?year=&unitId=`. */
export class StatsQuery {
  @ApiProperty({ example: 2025 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) readonly year: number;
  @ApiPropertyOptional({ example: 'unit-0001' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  readonly unitId?: string;
}
