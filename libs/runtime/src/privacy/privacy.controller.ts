import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { CurrentPrincipal, Roles, type Principal } from '@union/platform';
import { PrivacyService, type PrivacyRequestKind } from './privacy.service';

/** `POST /privacy/people/{idNumber}/requests` of one service (API.md, "Personal information"). */
export class PrivacyRequestBody {
  @ApiProperty({ enum: ['restrict', 'erase'] })
  @IsIn(['restrict', 'erase'])
  readonly kind!: PrivacyRequestKind;
  @ApiProperty({ minLength: 4, maxLength: 500 })
  @IsString()
  @Length(4, 500)
  readonly reason!: string;
  @ApiProperty({ minLength: 2, maxLength: 200, example: '《个人信息保护法》第四十七条' })
  @IsString()
  @Length(2, 200)
  readonly legalBasis!: string;
}

/**
 * A person's personal data in this service: its status, and a request (admin) that restricts it
 * until the person's retention passes, or erases it once it has.
 */
@ApiTags('privacy')
@Controller('api/v1/privacy/people')
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  @Get(':idNumber')
  @Roles('admin', 'auditor')
  status(@Param('idNumber') idNumber: string) {
    return this.privacy.status(idNumber);
  }

  @Post(':idNumber/requests')
  @HttpCode(202)
  @Roles('admin')
  request(@Param('idNumber') idNumber: string, @Body() body: PrivacyRequestBody, @CurrentPrincipal() principal: Principal) {
    return this.privacy.request(idNumber, {
      requestId: randomUUID(),
      kind: body.kind,
      reason: body.reason,
      legalBasis: body.legalBasis,
      actor: principal.sub,
    });
  }
}
