import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import type { FundReport } from '@union/medical-aid/domain';
import { CurrentPrincipal, Roles, type Principal } from '@union/platform';
import { etagOf } from '@union/runtime';
import { OpenPeriodDto } from './open-period.dto';
import { PeriodCommands } from './period-commands.service';
import { PeriodQueries } from './period-queries.service';
import { periodView, type PeriodView } from './period.view';

/** Periods (API.md, "Medical mutual aid"): admins open them, everyone reads them. */
@ApiTags('medical-aid')
@Controller('api/v1/medical-aid/periods')
export class PeriodsController {
  constructor(
    private readonly commands: PeriodCommands,
    private readonly queries: PeriodQueries,
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
  fundReport(@Param('periodId', ParseUUIDPipe) periodId: string): Promise<FundReport> {
    return this.queries.fundReport(periodId);
  }

  private async answer(periodId: string, res: ServerResponse): Promise<PeriodView> {
    const row = await this.queries.period(periodId);
    res.setHeader('ETag', etagOf(row.version));
    return periodView(row);
  }
}
