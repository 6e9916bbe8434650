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
import { Disclosure, OrgScope, parseIfMatch } from '@union/runtime';
import { withEtag } from '../shared/etag';
import { DismissReferralDto } from './dismiss-referral.dto';
import { ListReferralsQuery } from './list-referrals.query';
import { referralView, withMemberName, type ReferralView } from './referral.view';
import { Referrals } from './referrals.service';

/** The referral inbox (DOMAIN.md §1 "Referrals"): hardship risks reported by medical aid. */
@ApiTags('hardship')
@Controller('api/v1/hardship/referrals')
export class ReferralsController {
  constructor(
    private readonly referrals: Referrals,
    private readonly orgScope: OrgScope,
    private readonly disclosure: Disclosure,
  ) {}

  @Get()
  @Roles('caseworker', 'auditor')
  async list(@Query() query: ListReferralsQuery, @CurrentPrincipal() principal: Principal) {
    if (query.unitId) await this.orgScope.assertReadable(principal, query.unitId);
    return this.referrals.list(query, principal);
  }

  @Get(':referralId')
  @Roles('caseworker', 'auditor')
  async get(
    @Param('referralId', ParseUUIDPipe) referralId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<ReferralView> {
    const row = await this.referrals.row(referralId);
    await this.orgScope.assertReadable(principal, row.unitId);
    const names = await this.disclosure.names(principal, [row.unitId]);
    return withEtag(res, row.version, withMemberName(referralView(row.data, row.version), names));
  }

  @Post(':referralId/dismiss')
  @HttpCode(200)
  @Roles('caseworker')
  async dismiss(
    @Param('referralId', ParseUUIDPipe) referralId: string,
    @Body() dto: DismissReferralDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<ReferralView> {
    const row = await this.referrals.dismiss(referralId, dto.reason, principal, parseIfMatch(ifMatch));
    return withEtag(res, row.version, referralView(row.data, row.version));
  }
}
