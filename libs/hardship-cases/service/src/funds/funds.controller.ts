import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import type { FundReport } from '@union/hardship-cases/domain';
import { CurrentPrincipal, Roles, type Page, type Principal } from '@union/platform';
import { withEtag } from '../shared/etag';
import { AllocateFundDto, CreateFundDto, FundReportQuery, ListFundsQuery } from './fund.dto';
import { fundView, type FundView } from './fund.view';
import { Funds } from './funds.service';

/**
 * Special funds (专项资金, DOMAIN.md §4): admins set them up and pass them down the tree; the
 * balance never goes below zero. A fund that cannot cover an allocation is 409 `BUDGET_EXHAUSTED`.
 */
@ApiTags('hardship')
@Controller('api/v1/hardship/funds')
export class FundsController {
  constructor(private readonly funds: Funds) {}

  @Post()
  @Roles('admin')
  async create(
    @Body() dto: CreateFundDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<FundView> {
    const row = await this.funds.create(dto, principal);
    return withEtag(res, row.version, fundView(row.data, row.version));
  }

  /** 201 the child's new fund. */
  @Post(':fundId/allocations')
  @Roles('admin')
  async allocate(
    @Param('fundId', ParseUUIDPipe) fundId: string,
    @Body() dto: AllocateFundDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<FundView> {
    const row = await this.funds.allocate(fundId, dto, principal);
    return withEtag(res, row.version, fundView(row.data, row.version));
  }

  @Get()
  @Roles('caseworker', 'reviewer', 'auditor', 'admin')
  list(@Query() query: ListFundsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<FundView>> {
    return this.funds.list(query, principal);
  }

  @Get(':fundId')
  @Roles('caseworker', 'reviewer', 'auditor', 'admin')
  async get(
    @Param('fundId', ParseUUIDPipe) fundId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<FundView> {
    const row = await this.funds.readable(fundId, principal);
    return withEtag(res, row.version, fundView(row.data, row.version));
  }

  @Get(':fundId/report')
  @Roles('reviewer', 'auditor', 'admin')
  report(
    @Param('fundId', ParseUUIDPipe) fundId: string,
    @Query() _query: FundReportQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<FundReport> {
    return this.funds.report(fundId, principal);
  }
}
