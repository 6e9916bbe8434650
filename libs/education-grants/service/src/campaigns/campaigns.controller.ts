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
import { CurrentPrincipal, Roles, type Page, type Principal } from '@union/platform';
import { assertGrouping, etagOf, OrgScope, parseIfMatch } from '@union/runtime';
import { GrantRecords } from '../read-models/grant-records.reader';
import { CampaignReportHandler, type CampaignReportView } from './campaign-report/campaign-report.handler';
import { CampaignReportQuery } from './campaign-report/campaign-report.query';
import { campaignView, type CampaignView } from './campaign.view';
import { CloseCampaignHandler } from './close-campaign/close-campaign.handler';
import { ListCampaignsHandler } from './list-campaigns/list-campaigns.handler';
import { ListCampaignsQuery } from './list-campaigns/list-campaigns.query';
import { OpenCampaignDto } from './open-campaign/open-campaign.dto';
import { OpenCampaignHandler } from './open-campaign/open-campaign.handler';

/** Campaigns (API.md, "Education grants"): admins open and close them; everyone reads and lists them. */
@ApiTags('grants')
@Controller('api/v1/grants/campaigns')
export class CampaignsController {
  constructor(
    private readonly openCampaign: OpenCampaignHandler,
    private readonly closeCampaign: CloseCampaignHandler,
    private readonly report: CampaignReportHandler,
    private readonly list: ListCampaignsHandler,
    private readonly records: GrantRecords,
    private readonly orgScope: OrgScope,
  ) {}

  @Post()
  @Roles('admin')
  async open(
    @Body() dto: OpenCampaignDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<CampaignView> {
    const campaignId = await this.openCampaign.execute(dto, principal);
    return this.answer(campaignId, res);
  }

  @Get()
  @Roles('caseworker', 'reviewer', 'auditor', 'admin')
  campaigns(@Query() query: ListCampaignsQuery): Promise<Page<CampaignView>> {
    return this.list.execute(query);
  }

  @Get(':campaignId')
  @Roles('caseworker', 'reviewer', 'auditor', 'admin')
  get(
    @Param('campaignId', ParseUUIDPipe) campaignId: string,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<CampaignView> {
    return this.answer(campaignId, res);
  }

  @Post(':campaignId/close')
  @HttpCode(200)
  @Roles('admin')
  async close(
    @Param('campaignId', ParseUUIDPipe) campaignId: string,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<CampaignView> {
    await this.records.campaign(campaignId);
    await this.closeCampaign.execute(campaignId, principal, parseIfMatch(ifMatch));
    return this.answer(campaignId, res);
  }

  @Get(':campaignId/report')
  @Roles('reviewer', 'auditor', 'admin')
  async getReport(
    @Param('campaignId', ParseUUIDPipe) campaignId: string,
    @Query() query: CampaignReportQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CampaignReportView> {
    assertGrouping(query);
    if (query.orgId) await this.orgScope.assertReadable(principal, query.orgId);
    return this.report.execute(campaignId, query, principal);
  }

  /** Read-your-writes: the campaign row was updated in the command's own transaction. */
  private async answer(campaignId: string, res: ServerResponse): Promise<CampaignView> {
    const row = await this.records.campaign(campaignId);
    res.setHeader('ETag', etagOf(row.version));
    return campaignView(row.data, row.version);
  }
}
