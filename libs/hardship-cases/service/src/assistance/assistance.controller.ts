import { randomUUID } from 'node:crypto';
import { Body, Controller, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import type { DataSource } from 'typeorm';
import { CurrentPrincipal, Roles, type Principal } from '@union/platform';
import { DATA_SOURCE, OrgScope, parseIfMatch } from '@union/runtime';
import { CaseCommands, type CaseCommandBody, type FundMovement } from '../cases/case-commands.service';
import { FundLedger } from '../funds/fund-ledger';
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
    private readonly ledger: FundLedger,
    private readonly orgScope: OrgScope,
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
    const { kind, category, amountFen, fundId, description } = dto;
    const body = {
      type: 'RecordAssistance' as const,
      assistanceId: randomUUID(),
      kind,
      category,
      amountFen,
      fundId,
      description,
      limits: this.settings.limits,
    };
    // Drawn at request, also while it awaits approval; a rejection gives it back.
    const draw: FundMovement = {
      fundId,
      apply: async (tx, _result, metadata, row) => {
        const caseUnitPath = await this.orgScope.pathOf(row.unitId, tx);
        const { assistanceId } = body;
        return this.ledger.draw(
          tx,
          fundId,
          { assistanceId, caseId, category, amountFen, caseUnitPath },
          metadata,
        );
      },
    };
    return this.run(caseId, body, principal, ifMatch, res, draw);
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
  async reject(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('assistanceId', ParseUUIDPipe) assistanceId: string,
    @Body() dto: RejectAssistanceDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<AssistanceAnswer> {
    const recorded = await this.dataSource
      .getRepository(AssistanceEntity)
      .findOneBy({ assistanceId, caseId });
    const fundId = recorded?.fundId ?? null;
    // Assistance recorded before funds drew on none: nothing to give back.
    const giveBack: FundMovement | undefined = fundId
      ? {
          fundId,
          apply: (tx, result, metadata) => {
            const entry = result.state.assistance[assistanceId];
            return entry?.fundId
              ? this.ledger.returnDraw(tx, entry.fundId, assistanceId, entry.amountFen, metadata)
              : Promise.resolve();
          },
        }
      : undefined;
    return this.run(
      caseId,
      { type: 'RejectAssistance', assistanceId, reason: dto.reason },
      principal,
      ifMatch,
      res,
      giveBack,
    );
  }

  private async run(
    caseId: string,
    body: CaseCommandBody & { assistanceId: string },
    principal: Principal,
    ifMatch: string | undefined,
    res: ServerResponse,
    fund?: FundMovement,
  ): Promise<AssistanceAnswer> {
    const options = { ifMatch: parseIfMatch(ifMatch), policyVersion: this.settings.limitsVersion };
    const { version } = await this.commands.execute(caseId, body, principal, options, fund);
    const row = await this.dataSource
      .getRepository(AssistanceEntity)
      .findOneByOrFail({ assistanceId: body.assistanceId });
    return withEtag(res, version, { ...assistanceView(row.data), caseVersion: version });
  }
}
