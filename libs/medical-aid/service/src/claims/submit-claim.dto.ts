import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { IsFen, IsIdNumber, IsIsoDate } from '@union/platform';

/** The hospital bill and what the other schemes paid of it. The domain checks paid parts <= total. */
export class BillDto {
  @ApiProperty({ example: 6200000 }) @IsFen() readonly totalFen: number;
  @ApiProperty({ example: 2100000 }) @IsFen() readonly basicInsurancePaidFen: number;
  @ApiProperty({ example: 0 }) @IsFen() readonly seriousIllnessInsurancePaidFen: number;
  @ApiProperty({ example: 0 }) @IsFen() readonly medicalAssistancePaidFen: number;
  @ApiProperty({ example: 0 }) @IsFen() readonly employerPaidFen: number;
  @ApiProperty({ example: 0 }) @IsFen() readonly otherPaidFen: number;
}

/** `POST /api/v1/medical-aid/claims` (API.md). */
export class SubmitClaimDto {
  @ApiProperty() @IsUUID() readonly periodId: string;
  @ApiProperty({ example: '630102198501011234' }) @IsIdNumber() readonly idNumber: string;
  @ApiProperty({ example: '青海省人民医院' }) @IsString() @Length(1, 200) readonly hospital: string;
  @ApiProperty({ example: '2025-03-01' }) @IsIsoDate() readonly admittedOn: string;
  @ApiProperty({ example: '2025-03-15' }) @IsIsoDate() readonly dischargedOn: string;
  @ApiProperty({ example: 'I21.9' }) @IsString() @Length(1, 32) readonly diagnosisCode: string;
  @ApiProperty({ type: BillDto }) @IsDefined() @ValidateNested() @Type(() => BillDto) readonly bill: BillDto;
}

/** `POST /api/v1/medical-aid/claims?dryRun=true`: decide and answer the claim with its quote, store nothing. */
export class SubmitClaimQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  readonly dryRun?: 'true' | 'false';
}

/** `POST /claims/{claimId}/approve`: optionally a lower eligible amount, which needs a reason. */
export class ApproveClaimDto {
  @ApiPropertyOptional({ example: 3000000 }) @IsOptional() @IsFen() readonly eligibleFen?: number;
  @ApiPropertyOptional({ example: '部分费用不属于住院费用' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  readonly reason?: string;
}

/** `POST /claims/{claimId}/approve?dryRun=true`: the approval decided and answered, nothing stored. */
export class ApproveClaimQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  readonly dryRun?: 'true' | 'false';
}

/** `POST /claims/{claimId}/reject`. */
export class RejectClaimDto {
  @ApiProperty({ example: '非住院费用' }) @IsString() @Length(1, 1000) readonly reason: string;
}

/** `POST /claims/{claimId}/pay`. */
export class PayClaimDto {
  @ApiProperty({ example: 'BANK-2025-000123' }) @IsString() @Length(1, 100) readonly paymentRef: string;
  @ApiProperty({ example: '2025-03-20' }) @IsIsoDate() readonly paidOn: string;
}
