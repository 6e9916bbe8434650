import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@union/platform';
import { EnrollMembersDto, type EnrollmentResult } from './enroll-members.dto';
import { EnrollmentBodyPipe, type EnrollmentBody } from './enrollment-body.pipe';
import { EnrollmentCommands } from './enrollment-commands.service';

/** Enrollment by unit (API.md, "Medical mutual aid"): one request per unit, per-row rejections. */
@ApiTags('medical-aid')
@Controller('api/v1/medical-aid/periods/:periodId/enrollments')
export class EnrollmentsController {
  constructor(private readonly commands: EnrollmentCommands) {}

  /** The body is declared as an interface, so the global pipe leaves it to EnrollmentBodyPipe. */
  @Post()
  @HttpCode(200)
  @Roles('caseworker')
  @ApiBody({ type: EnrollMembersDto })
  enroll(
    @Param('periodId', ParseUUIDPipe) periodId: string,
    @Body(EnrollmentBodyPipe) body: EnrollmentBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EnrollmentResult> {
    return this.commands.enroll(periodId, body, principal);
  }
}
