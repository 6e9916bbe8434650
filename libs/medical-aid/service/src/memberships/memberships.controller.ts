import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { parseIdNumber } from '@union/kernel';
import { CurrentPrincipal, Roles, type Principal } from '@union/platform';
import { etagOf, Purpose } from '@union/runtime';
import { MembershipQueries } from './membership-queries.service';
import type { MembershipView } from './membership.view';

/** `GET /periods/{periodId}/members/{idNumber}` (API.md): membership, claims and yearly totals. */
@ApiTags('medical-aid')
@Controller('api/v1/medical-aid/periods/:periodId/members')
export class MembershipsController {
  constructor(private readonly queries: MembershipQueries) {}

  @Get(':idNumber')
  @Roles('caseworker', 'reviewer', 'auditor')
  async get(
    @Param('periodId', ParseUUIDPipe) periodId: string,
    @Param('idNumber') idNumber: string,
    @Purpose() purpose: string | null,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<MembershipView> {
    const view = await this.queries.membership(periodId, parseIdNumber(idNumber), principal, purpose);
    res.setHeader('ETag', etagOf(view.version));
    return view;
  }
}
