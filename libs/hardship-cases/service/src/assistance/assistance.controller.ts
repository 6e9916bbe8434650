import { randomUUID } from 'node:crypto';
import { Body, Controller, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import type { DataSource } from 'typeorm';
import { CurrentPrincipal, Roles, type Principal } from '@union/platform';
import { DATA_SOURCE, parseIfMatch } from '@union/runtime';
import { CaseCommands, type CaseCommandBody } from '../cases/case-commands.service';
import { HARDSHIP_SETTINGS } from '../hardship-cases.di-tokens';
import type { HardshipSettings } from '../hardship.settings';
import { AssistanceEntity } from '../read-models/assistance/assistance.entity';
import { withEtag } from '../shared/etag';
import { assistanceView, type AssistanceView } from './assistance.view';
import { ApproveAssistanceDto, RecordAssistanceDto, RejectAssistanceDto } from './record-assistance.dto';

type AssistanceAnswer = AssistanceView & { caseVersion: number };

/**
 * Assistance (帮扶救助): from the approval threshold up it waits for a reviewer other than the
 * recorder (four eyes, 403 SAME_ACTOR); a year's total per case may not pass the cap (422).
 * Each decision records the assistance limits' version as its policy version.
 */
@ApiTags('hardship')
@Controller('api/v1/hardship/cases/:caseId/assistance')
export class AssistanceController {
  constructor(
    private readonly commands: CaseCommands,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(HARDSHIP_SETTINGS) private readonly settings: HardshipSettings,
  ) {}

  /** 201 `{ assistanceId, status: disbursed | pending_approval, ... }`. */
  @Post()
  @Roles('caseworker')
  record(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Body() dto: RecordAssistanceDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<AssistanceAnswer> {
    const { kind, category, amountFen, fundSource, description } = dto;
    const body = {
      type: 'RecordAssistance' as const,
      assistanceId: randomUUID(),
      kind,
      category,
      amountFen,
      fundSource,
      description,
      limits: this.settings.limits,
    };
    return this.run(caseId, body, principal, ifMatch, res);
  }

  @Post(':assistanceId/approve')
  @HttpCode(200)
  @Roles('reviewer')
  approve(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('assistanceId', ParseUUIDPipe) assistanceId: string,
    @Body() dto: ApproveAssistanceDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<AssistanceAnswer> {
    return this.run(
      caseId,
      { type: 'ApproveAssistance', assistanceId, reason: dto.reason },
      principal,
      ifMatch,
      res,
    );
  }

  @Post(':assistanceId/reject')
  @HttpCode(200)
  @Roles('reviewer')
  reject(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('assistanceId', ParseUUIDPipe) assistanceId: string,
    @Body() dto: RejectAssistanceDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<AssistanceAnswer> {
    return this.run(
      caseId,
      { type: 'RejectAssistance', assistanceId, reason: dto.reason },
      principal,
      ifMatch,
      res,
    );
  }

  private async run(
    caseId: string,
    body: CaseCommandBody & { assistanceId: string },
    principal: Principal,
    ifMatch: string | undefined,
    res: ServerResponse,
  ): Promise<AssistanceAnswer> {
    const { version } = await this.commands.execute(caseId, body, principal, {
      ifMatch: parseIfMatch(ifMatch),
      policyVersion: this.settings.limitsVersion,
    });
    const row = await this.dataSource
      .getRepository(AssistanceEntity)
      .findOneByOrFail({ assistanceId: body.assistanceId });
    return withEtag(res, version, { ...assistanceView(row.data), caseVersion: version });
  }
}
