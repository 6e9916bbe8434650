import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** `PUT /api/v1/hardship/cases/{caseId}/pairing` (结对帮扶): one helper; a new one ends the previous pairing. */
export class AssignPairingDto {
  @ApiProperty({ example: '李志强' }) @IsString() @Length(1, 50) readonly helperName: string;
  @ApiProperty({ example: '市总工会机关党支部' }) @IsString() @Length(1, 100) readonly helperUnit: string;
}
