import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@union/platform';
import { assertGrouping, OrgScope } from '@union/runtime';
import { StatsQuery } from './stats.query';
import { HardshipStatsService, type HardshipStats } from './stats.service';

/** `GET /api/v1/hardship/stats`: every role reads it; caseworkers get only their units' subtrees' figures. */
@ApiTags('hardship')
@Controller('api/v1/hardship/stats')
export class StatsController {
  constructor(
    private readonly stats: HardshipStatsService,
    private readonly orgScope: OrgScope,
  ) {}

  @Get()
  @Roles('caseworker', 'reviewer', 'auditor', 'admin')
  async figures(
    @Query() query: StatsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<HardshipStats> {
    assertGrouping(query);
    if (query.unitId) await this.orgScope.assertReadable(principal, query.unitId);
    if (query.orgId) await this.orgScope.assertReadable(principal, query.orgId);
    return this.stats.figures(query, principal);
  }
}
