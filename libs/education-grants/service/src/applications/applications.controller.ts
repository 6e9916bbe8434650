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
import { Disclosure, etagOf, OrgScope, parseIfMatch, Purpose } from '@union/runtime';
import { GrantRecords } from '../read-models/grant-records.reader';
import { applicationView, type ApplicationView } from './application.view';
import { DisburseGrantDto } from './disburse-grant/disburse-grant.dto';
import { DisburseGrantHandler } from './disburse-grant/disburse-grant.handler';
import { ListApplicationsHandler } from './list-applications/list-applications.handler';
import { ListApplicationsQuery } from './list-applications/list-applications.query';
import { ApproveApplicationHandler } from './review-application/approve-application.handler';
import { RejectApplicationHandler } from './review-application/reject-application.handler';
import { ApproveApplicationDto, RejectApplicationDto } from './review-application/review-application.dto';
import { SubmitApplicationDto, SubmitApplicationQuery } from './submit-application/submit-application.dto';
import {
  SubmitApplicationHandler,
  type ApplicationPreview,
} from './submit-application/submit-application.handler';
import { WithdrawApplicationDto } from './withdraw-application/withdraw-application.dto';
import { WithdrawApplicationHandler } from './withdraw-application/withdraw-application.handler';

/** Grant applications (API.md, "Education grants"): thin shell over one handler per use case. */
@ApiTags('grants')
@Controller('api/v1/grants/applications')
export class ApplicationsController {
  constructor(
    private readonly submitHandler: SubmitApplicationHandler,
    private readonly listHandler: ListApplicationsHandler,
    private readonly approveHandler: ApproveApplicationHandler,
    private readonly rejectHandler: RejectApplicationHandler,
    private readonly disburseHandler: DisburseGrantHandler,
    private readonly withdrawHandler: WithdrawApplicationHandler,
    private readonly records: GrantRecords,
    private readonly orgScope: OrgScope,
    private readonly disclosure: Disclosure,
  ) {}

  @Post()
  @Roles('caseworker')
  async submit(
    @Body() dto: SubmitApplicationDto,
    @Query() query: SubmitApplicationQuery,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<ApplicationView | ApplicationPreview> {
    // A dry run answers like the submission (201, as Kubernetes' dry runs do) and stores nothing.
    if (query.dryRun === 'true') return this.submitHandler.preview(dto, principal);
    return this.answer(await this.submitHandler.execute(dto, principal), res);
  }

  @Get()
  @Roles('caseworker', 'reviewer', 'auditor')
  list(@Query() query: ListApplicationsQuery, @CurrentPrincipal() principal: Principal) {
    return this.listHandler.execute(query, principal);
  }

  @Get(':applicationId')
  @Roles('caseworker', 'reviewer', 'auditor')
  async get(
    @Param('applicationId', ParseUUIDPipe) id: string,
    @Purpose() purpose: string | null,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<ApplicationView> {
    const row = await this.records.application(id);
    await this.orgScope.assertReadable(principal, row.unitId);
    const names = await this.disclosure.names(principal, [row.unitId]);
    const { parentPersonRef: parent, studentPersonRef: student } = row;
    const numbers =
      purpose === null ? undefined : await this.disclosure.revealNumbers(principal, row.unitId, [parent, student]);
    res.setHeader('ETag', etagOf(row.version));
    return applicationView(
      row.data,
      row.version,
      names,
      numbers && { parent: numbers.get(parent) ?? null, student: numbers.get(student) ?? null },
    );
  }

  @Post(':applicationId/approve')
  @HttpCode(200)
  @Roles('reviewer')
  async approve(
    @Param('applicationId', ParseUUIDPipe) id: string,
    @Body() dto: ApproveApplicationDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<ApplicationView> {
    await this.approveHandler.execute(id, dto, principal, parseIfMatch(ifMatch));
    return this.answer(id, res);
  }

  @Post(':applicationId/reject')
  @HttpCode(200)
  @Roles('reviewer')
  async reject(
    @Param('applicationId', ParseUUIDPipe) id: string,
    @Body() dto: RejectApplicationDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<ApplicationView> {
    await this.rejectHandler.execute(id, dto, principal, parseIfMatch(ifMatch));
    return this.answer(id, res);
  }

  @Post(':applicationId/disburse')
  @HttpCode(200)
  @Roles('caseworker', 'reviewer')
  async disburse(
    @Param('applicationId', ParseUUIDPipe) id: string,
    @Body() dto: DisburseGrantDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<ApplicationView> {
    await this.disburseHandler.execute(id, dto, principal, parseIfMatch(ifMatch));
    return this.answer(id, res);
  }

  @Post(':applicationId/withdraw')
  @HttpCode(200)
  @Roles('caseworker')
  async withdraw(
    @Param('applicationId', ParseUUIDPipe) id: string,
    @Body() dto: WithdrawApplicationDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<ApplicationView> {
    await this.withdrawHandler.execute(id, dto, principal, parseIfMatch(ifMatch));
    return this.answer(id, res);
  }

  /** Read-your-writes: the application row was updated in the command's own transaction. */
  private async answer(applicationId: string, res: ServerResponse): Promise<ApplicationView> {
    const row = await this.records.application(applicationId);
    res.setHeader('ETag', etagOf(row.version));
    return applicationView(row.data, row.version);
  }
}
