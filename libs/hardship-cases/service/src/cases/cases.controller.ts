import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { chinaToday } from '@union/kernel';
import { assertUnit, CurrentPrincipal, Roles, type Principal } from '@union/platform';
import { etagOf, parseIfMatch } from '@union/runtime';
import { CaseCommands } from './case-commands.service';
import { CaseQueries } from './case-queries.service';
import { caseView, type CaseView } from './case.view';
import { CloseCaseDto, OpenCaseDto } from './open-case.dto';
import { ListCasesQuery } from './list-cases.query';

/** Case files (API.md, "Hardship cases"): thin shell over the case commands and read model. */
@ApiTags('hardship')
@Controller('api/v1/hardship/cases')
export class CasesController {
  constructor(
    private readonly commands: CaseCommands,
    private readonly queries: CaseQueries,
  ) {}

  @Post()
  @Roles('caseworker')
  async open(@Body() dto: OpenCaseDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: ServerResponse): Promise<CaseView> {
    const caseId = await this.commands.open(dto, principal);
    return this.answer(caseId, res);
  }

  @Get()
  @Roles('caseworker', 'reviewer', 'auditor')
  list(@Query() query: ListCasesQuery, @CurrentPrincipal() principal: Principal) {
    if (query.unitId) assertUnit(principal, query.unitId);
    return this.queries.list(query, principal);
  }

  @Get(':caseId')
  @Roles('caseworker', 'reviewer', 'auditor')
  async get(@Param('caseId', ParseUUIDPipe) caseId: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: ServerResponse): Promise<CaseView> {
    const row = await this.commands.summary(caseId);
    assertUnit(principal, row.unitId);
    return this.answer(caseId, res);
  }

  @Post(':caseId/close')
  @HttpCode(200)
  @Roles('caseworker')
  async close(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Body() dto: CloseCaseDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<CaseView> {
    await this.commands.execute(caseId, { type: 'CloseCase', reason: dto.reason, note: dto.note }, principal, parseIfMatch(ifMatch));
    return this.answer(caseId, res);
  }

  /** Read-your-writes: the summary was updated in the command's own transaction. */
  private async answer(caseId: string, res: ServerResponse): Promise<CaseView> {
    const row = await this.commands.summary(caseId);
    res.setHeader('ETag', etagOf(row.version));
    return caseView(row.data, row.version, chinaToday(new Date()));
  }
}
