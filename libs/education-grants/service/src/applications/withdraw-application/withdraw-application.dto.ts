import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** `POST /applications/{id}/withdraw`, with the family's or caseworker's reason. */
export class WithdrawApplicationDto {
  @ApiProperty({ example: '学生已获得其他资助' }) @IsString() @Length(1, 1000) readonly reason: string;
}
