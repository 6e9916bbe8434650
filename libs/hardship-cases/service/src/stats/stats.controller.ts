import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@union/platform';
import { assertMayRead } from '../shared/read-scope';
import { StatsQuery } from './stats.query';
import { HardshipStatsService, type HardshipStats } from './stats.service';

/** `GET /api/v1/hardship/stats`: every role reads it; caseworkers get only their units' figures. */
@ApiTags('hardship')
@Controller('api/v1/hardship/stats')
export class StatsController {
  constructor(private readonly stats: HardshipStatsService) {}

  @Get()
  @Roles('caseworker', 'reviewer', 'auditor', 'admin')
  figures(@Query() query: StatsQuery, @CurrentPrincipal() principal: Principal): Promise<HardshipStats> {
    if (query.unitId) assertMayRead(principal, query.unitId);
    return this.stats.figures(query, principal);
  }
}
