import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { CurrentPrincipal, Roles, type Page, type Principal } from '@union/platform';
import { assertGrouping, etagOf } from '@union/runtime';
import { ReadScope } from '../shared/read-scope';
import { FundReportQuery } from './fund-report.query';
import { ListPeriodsQuery } from './list-periods.query';
import { OpenPeriodDto } from './open-period.dto';
import { PeriodCommands } from './period-commands.service';
import { PeriodQueries, type FundReportView } from './period-queries.service';
import { periodView, type PeriodView } from './period.view';

/** Periods (API.md, "Medical mutual aid"): admins open them, everyone reads them. */
@ApiTags('medical-aid')
@Controller('api/v1/medical-aid/periods')
export class PeriodsController {
  constructor(
    private readonly commands: PeriodCommands,
    private readonly queries: PeriodQueries,
    private readonly readScope: ReadScope,
  ) {}

  @Post()
  @Roles('admin')
  async open(
    @Body() dto: OpenPeriodDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<PeriodView> {
    const periodId = await this.commands.open(dto, principal);
    return this.answer(periodId, res);
  }

  @Get()
  @Roles('caseworker', 'reviewer', 'auditor', 'admin')
  list(@Query() query: ListPeriodsQuery): Promise<Page<PeriodView>> {
    return this.queries.list(query);
  }

  @Get(':periodId')
  @Roles('caseworker', 'reviewer', 'auditor', 'admin')
  get(
    @Param('periodId', ParseUUIDPipe) periodId: string,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<PeriodView> {
    return this.answer(periodId, res);
  }

  @Get(':periodId/fund-report')
  @Roles('reviewer', 'auditor', 'admin')
  async fundReport(
    @Param('periodId', ParseUUIDPipe) periodId: string,
    @Query() query: FundReportQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<FundReportView> {
    assertGrouping(query);
    if (query.orgId) await this.readScope.assertMayRead(principal, query.orgId);
    return this.queries.fundReport(periodId, principal, query);
  }

  private async answer(periodId: string, res: ServerResponse): Promise<PeriodView> {
    const row = await this.queries.period(periodId);
    res.setHeader('ETag', etagOf(row.version));
    return periodView(row);
  }
}
