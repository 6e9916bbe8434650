import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { MAX_ENROLLMENT_ROWS } from '@union/medical-aid/domain';

/** Longest strings a request may carry (the decorators below and the validation fast path). */
export const ENROLLMENT_LIMITS = { unitId: 64, paymentRef: 100, idNumber: 64, name: 50 } as const;

/**
 * One member of a unit's list. Only the shape is checked here (a 400 for the whole request): a
 * wrong identity number, a blank name or no insurance rejects the row alone (DOMAIN.md §3).
 */
export class EnrollmentRowDto {
  @ApiProperty({ example: '630102198501011234' })
  @IsString()
  @MaxLength(ENROLLMENT_LIMITS.idNumber)
  readonly idNumber: string;
  @ApiProperty({ example: '马海燕' }) @IsString() @MaxLength(ENROLLMENT_LIMITS.name) readonly name: string;
  @ApiProperty({ example: true }) @IsBoolean() readonly hasBasicMedicalInsurance: boolean;
}

/** `POST /api/v1/medical-aid/periods/{periodId}/enrollments`: one unit, up to 10,000 members. */
export class EnrollMembersDto {
  @ApiProperty({ example: 'unit-0001' })
  @IsString()
  @Length(1, ENROLLMENT_LIMITS.unitId)
  readonly unitId: string;
  @ApiProperty({ example: 'PAY-2025-0001' })
  @IsString()
  @Length(1, ENROLLMENT_LIMITS.paymentRef)
  readonly paymentRef: string;
  @ApiProperty({ type: [EnrollmentRowDto], maxItems: MAX_ENROLLMENT_ROWS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ENROLLMENT_ROWS)
  @ValidateNested({ each: true })
  @Type(() => EnrollmentRowDto)
  readonly members: EnrollmentRowDto[];
}

/**
 * What one enrollment request did (API.md), and which rows were duplicates and which enrolled
 * with the contribution waived (docs/api-changes.md), by their index in `members`, ascending: a
 * row in neither list nor `rejected` was enrolled.
 */
export interface EnrollmentResult {
  enrolled: number;
  duplicates: number;
  waived: number;
  rejected: { index: number; code: string; message: string }[];
  duplicateIndexes: number[];
  waivedIndexes: number[];
}
