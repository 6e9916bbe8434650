import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { CurrentPrincipal, Roles, type Principal } from '@union/platform';
import { OrgScope, parseIfMatch, Purpose } from '@union/runtime';
import { withEtag } from '../shared/etag';
import type { CaseDetailView } from './case-detail.view';
import { CaseCommands } from './case-commands.service';
import { CaseQueries } from './case-queries.service';
import type { CaseView } from './case.view';
import { ListCasesQuery } from './list-cases.query';
import { OpenCaseHandler, type CasePreview } from './open-case.service';
import { CloseCaseDto, OpenCaseDto, OpenCaseQuery } from './open-case.dto';

/** Case files (API.md, "Hardship cases"): thin shell over the case commands and read models. */
@ApiTags('hardship')
@Controller('api/v1/hardship/cases')
export class CasesController {
  constructor(
    private readonly opening: OpenCaseHandler,
    private readonly commands: CaseCommands,
    private readonly queries: CaseQueries,
    private readonly orgScope: OrgScope,
  ) {}

  @Post()
  @Roles('caseworker')
  async open(
    @Body() dto: OpenCaseDto,
    @Query() query: OpenCaseQuery,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<CaseView | CasePreview> {
    // A dry run answers like the opening (201, as Kubernetes' dry runs do) and stores nothing.
    if (query.dryRun === 'true') return this.opening.preview(dto, principal);
    const caseId = await this.opening.open(dto, principal);
    return this.answer(caseId, res);
  }

  @Get()
  @Roles('caseworker', 'reviewer', 'auditor')
  async list(@Query() query: ListCasesQuery, @CurrentPrincipal() principal: Principal) {
    if (query.unitId) await this.orgScope.assertReadable(principal, query.unitId);
    return this.queries.list(query, principal);
  }

  @Get(':caseId')
  @Roles('caseworker', 'reviewer', 'auditor')
  async get(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Purpose() purpose: string | null,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<CaseDetailView> {
    const row = await this.commands.summary(caseId);
    await this.orgScope.assertReadable(principal, row.unitId);
    return withEtag(res, row.version, await this.queries.detail(row, principal, purpose));
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
    await this.commands.execute(
      caseId,
      { type: 'CloseCase', reason: dto.reason, note: dto.note },
      principal,
      { ifMatch: parseIfMatch(ifMatch) },
    );
    return this.answer(caseId, res);
  }

  private async answer(caseId: string, res: ServerResponse): Promise<CaseView> {
    const { version, view } = await this.queries.current(caseId);
    return withEtag(res, version, view);
  }
}
