import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { IsIsoDate } from '@union/platform';

/** `POST /api/v1/hardship/cases/{caseId}/visits`: a home visit that took place (not in the future). */
export class RecordVisitDto {
  @ApiProperty({ example: '2025-03-01' }) @IsIsoDate() readonly visitedOn: string;
  @ApiProperty({ example: '张红（社区工会主席）' }) @IsString() @Length(1, 100) readonly visitor: string;
  @ApiProperty({ example: '老人卧床，孩子读高中，家庭收入主要靠低保。' })
  @IsString()
  @Length(1, 4000)
  readonly findings: string;
}
