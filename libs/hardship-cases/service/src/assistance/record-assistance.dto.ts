import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';
import {
  ASSISTANCE_CATEGORIES,
  ASSISTANCE_KINDS,
  type AssistanceCategory,
  type AssistanceKind,
} from '@union/hardship-cases/domain';
import { IsFen } from '@union/platform';

/** `POST /api/v1/hardship/cases/{caseId}/assistance` (帮扶救助). */
export class RecordAssistanceDto {
  @ApiProperty({ example: 'cash', enum: ASSISTANCE_KINDS })
  @IsIn(ASSISTANCE_KINDS)
  readonly kind: AssistanceKind;
  @ApiProperty({ example: 'holiday', enum: ASSISTANCE_CATEGORIES, description: '`holiday` is 送温暖.' })
  @IsIn(ASSISTANCE_CATEGORIES)
  readonly category: AssistanceCategory;
  @ApiProperty({ example: 200000, description: 'Value in fen, more than 0.' })
  @IsFen()
  @Min(1)
  readonly amountFen: number;
  @ApiProperty({
    example: '0b6f3c1e-8f5a-4c1e-9d3a-2a7c5e9b1f40',
    description: 'The fund it is paid from: held by the case’s unit or above it, of this category or `any`.',
  })
  @IsUUID()
  readonly fundId: string;
  @ApiProperty({ example: '春节送温暖慰问金' }) @IsString() @Length(1, 1000) readonly description: string;
}

/** `POST .../assistance/{assistanceId}/approve` (reviewer, not the recorder). */
export class ApproveAssistanceDto {
  @ApiPropertyOptional({ example: '经审核，情况属实' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  readonly reason?: string;
}

/** `POST .../assistance/{assistanceId}/reject` (reviewer, not the recorder): the reason is required. */
export class RejectAssistanceDto {
  @ApiProperty({ example: '已通过其他渠道获得救助' }) @IsString() @Length(1, 1000) readonly reason: string;
}
