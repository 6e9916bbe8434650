import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@union/platform';
import { EnrollMembersDto, type EnrollmentResult } from './enroll-members.dto';
import { EnrollmentCommands } from './enrollment-commands.service';

/** Enrollment by unit (API.md, "Medical mutual aid"): one request per unit, per-row rejections. */
@ApiTags('medical-aid')
@Controller('api/v1/medical-aid/periods/:periodId/enrollments')
export class EnrollmentsController {
  constructor(private readonly commands: EnrollmentCommands) {}

  @Post()
  @HttpCode(200)
  @Roles('caseworker')
  enroll(
    @Param('periodId', ParseUUIDPipe) periodId: string,
    @Body() dto: EnrollMembersDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EnrollmentResult> {
    return this.commands.enroll(periodId, dto, principal);
  }
}
