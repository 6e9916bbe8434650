import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';

/** `POST /applications/{id}/approve`: `recurring` marks the student for support every year. */
export class ApproveApplicationDto {
  @ApiPropertyOptional({ example: true }) @IsOptional() @IsBoolean() readonly recurring?: boolean;
}

/** `POST /applications/{id}/reject`, with a reason the caseworker can pass on. */
export class RejectApplicationDto {
  @ApiProperty({ example: '家庭收入已超过困难标准' }) @IsString() @Length(1, 1000) readonly reason: string;
}
