import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { IsIsoDate } from '@union/platform';

/** `POST /applications/{id}/disburse`: the payment reference and the date paid. */
export class DisburseGrantDto {
  @ApiProperty({ example: 'PAY-2026-000123' }) @IsString() @Length(1, 100) readonly paymentRef: string;
  @ApiProperty({ example: '2026-08-28' }) @IsIsoDate() readonly paidOn: string;
}
