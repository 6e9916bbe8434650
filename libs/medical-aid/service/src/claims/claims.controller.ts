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
import { etagOf, parseIfMatch, Purpose } from '@union/runtime';
import { ReadScope } from '../shared/read-scope';
import { ClaimCommands } from './claim-commands.service';
import { ClaimQueries } from './claim-queries.service';
import { claimView, type ClaimPreview, type ClaimView } from './claim.view';
import { ListClaimsQuery } from './list-claims.query';
import {
  ApproveClaimDto,
  ApproveClaimQuery,
  PayClaimDto,
  RejectClaimDto,
  SubmitClaimDto,
  SubmitClaimQuery,
} from './submit-claim.dto';

/** Claims (API.md, "Medical mutual aid"): thin shell over the claim commands and read model. */
@ApiTags('medical-aid')
@Controller('api/v1/medical-aid/claims')
export class ClaimsController {
  constructor(
    private readonly commands: ClaimCommands,
    private readonly queries: ClaimQueries,
    private readonly readScope: ReadScope,
  ) {}

  @Post()
  @Roles('caseworker')
  async submit(
    @Body() dto: SubmitClaimDto,
    @Query() query: SubmitClaimQuery,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<ClaimView | ClaimPreview> {
    // A dry run answers like the submission (201, as the hardship opening's does) and stores nothing.
    if (query.dryRun === 'true') return this.commands.preview(dto, principal);
    return this.answer(await this.commands.submit(dto, principal), res);
  }

  @Get()
  @Roles('caseworker', 'reviewer', 'auditor')
  async list(@Query() query: ListClaimsQuery, @CurrentPrincipal() principal: Principal) {
    if (query.unitId) await this.readScope.assertMayRead(principal, query.unitId);
    return this.queries.list(query, principal);
  }

  @Get(':claimId')
  @Roles('caseworker', 'reviewer', 'auditor')
  async get(
    @Param('claimId', ParseUUIDPipe) claimId: string,
    @Purpose() purpose: string | null,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<ClaimView> {
    const row = await this.queries.row(claimId);
    await this.readScope.assertMayRead(principal, row.unitId);
    const view = await this.queries.view(row, principal, purpose);
    res.setHeader('ETag', etagOf(row.version));
    return view;
  }

  @Post(':claimId/approve')
  @HttpCode(200)
  @Roles('reviewer')
  async approve(
    @Param('claimId', ParseUUIDPipe) claimId: string,
    @Body() dto: ApproveClaimDto,
    @Query() query: ApproveClaimQuery,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<ClaimView | (ClaimView & { dryRun: true })> {
    // A dry run answers as the approval would (200, the claim re-quoted) and stores nothing.
    if (query.dryRun === 'true') {
      return { ...claimView(await this.commands.previewApproval(claimId, dto, principal)), dryRun: true };
    }
    await this.commands.approve(claimId, dto, principal, parseIfMatch(ifMatch));
    return this.answer(claimId, res);
  }

  @Post(':claimId/reject')
  @HttpCode(200)
  @Roles('reviewer')
  async reject(
    @Param('claimId', ParseUUIDPipe) claimId: string,
    @Body() dto: RejectClaimDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<ClaimView> {
    await this.commands.reject(claimId, dto, principal, parseIfMatch(ifMatch));
    return this.answer(claimId, res);
  }

  @Post(':claimId/pay')
  @HttpCode(200)
  @Roles('caseworker', 'reviewer')
  async pay(
    @Param('claimId', ParseUUIDPipe) claimId: string,
    @Body() dto: PayClaimDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<ClaimView> {
    await this.commands.pay(claimId, dto, principal, parseIfMatch(ifMatch));
    return this.answer(claimId, res);
  }

  /** Read-your-writes: the claim row was updated in the command's own transaction. */
  private async answer(claimId: string, res: ServerResponse): Promise<ClaimView> {
    const row = await this.queries.row(claimId);
    res.setHeader('ETag', etagOf(row.version));
    return claimView(row.data);
  }
}
