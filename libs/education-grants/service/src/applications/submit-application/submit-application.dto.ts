import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import type { EducationLevel } from '@union/contracts';
import { EDUCATION_LEVELS } from '@union/education-grants/domain';
import { ConsentDto, ConsentProperty, IsIdNumber } from '@union/platform';

export class StudentDto {
  @ApiProperty({ example: '110105200801010011' }) @IsIdNumber() readonly idNumber: string;
  @ApiProperty({ example: '王小明' }) @IsString() @Length(1, 50) readonly name: string;
  @ApiProperty({ example: 'undergraduate', enum: EDUCATION_LEVELS })
  @IsIn(EDUCATION_LEVELS)
  readonly level: EducationLevel;
  @ApiProperty({ example: '青海大学' }) @IsString() @Length(1, 200) readonly school: string;
}

/** `POST /api/v1/grants/applications` (API.md). */
export class SubmitApplicationDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() readonly campaignId: string;
  @ApiProperty({ example: '11010519491231002X' }) @IsIdNumber() readonly parentIdNumber: string;
  @ApiProperty({ example: 'unit-0001' }) @IsString() @Length(1, 64) readonly unitId: string;
  @ApiProperty({ type: StudentDto }) @ValidateNested() @Type(() => StudentDto) readonly student: StudentDto;
  @ConsentProperty('The parent') readonly consent?: ConsentDto;
}

/** `POST /api/v1/grants/applications?dryRun=true`: decide and answer the application, store nothing. */
export class SubmitApplicationQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  readonly dryRun?: 'true' | 'false';
}
