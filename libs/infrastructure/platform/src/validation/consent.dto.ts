import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { CONSENT_DOCUMENT_REF_MAX_LENGTH } from '@union/kernel';
import { IsIsoDate } from './domain-validators.decorator';

/**
 * `consent: { documentRef, signedOn }` (API.md, "Personal information"): the shape only. The rule
 * (required, not blank, no identity number or name in the reference, not signed after the day of
 * opening) is the kernel's `consentProblems`, which the domain applies.
 */
export class ConsentDto {
  @ApiProperty({
    example: '郑工帮授〔2026〕0012号',
    maxLength: CONSENT_DOCUMENT_REF_MAX_LENGTH,
    description:
      "The union's filing reference of the signed authorisation (授权书); not a name or an identity number.",
  })
  @IsString()
  @Length(1, CONSENT_DOCUMENT_REF_MAX_LENGTH)
  readonly documentRef: string;

  @ApiProperty({
    example: '2026-03-02',
    format: 'date',
    description: 'The day it was signed; not after the opening.',
  })
  @IsIsoDate()
  readonly signedOn: string;
}

/**
 * The `consent` member of an opening request. Documented as required; a dry run (`?dryRun=true`)
 * may leave it out, so its absence is the domain's refusal (VALIDATION_FAILED on `consent`), not
 * the DTO's, which cannot see the query.
 */
export function ConsentProperty(who: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      type: ConsentDto,
      required: true,
      description: `${who}'s signed authorisation (授权书). Required; only a dry run (dryRun=true) may leave it out.`,
    }),
    IsOptional(),
    ValidateNested(),
    Type(() => ConsentDto),
  );
}
