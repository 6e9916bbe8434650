import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { Page } from '@union/platform';
import { DATA_SOURCE } from '@union/runtime';
import { GrantCampaignEntity } from '../../read-models/grant-campaign.entity';
import { campaignView, type CampaignView } from '../campaign.view';
import type { ListCampaignsQuery } from './list-campaigns.query';

/**
 * The campaigns, newest year first and, within a year, the latest opened first. A campaign is no
 * unit's record (its budget is the whole programme's), so every role reads every campaign, as
 * `GET /campaigns/{id}` already lets it.
 */
@Injectable()
export class ListCampaignsHandler {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async execute(query: ListCampaignsQuery): Promise<Page<CampaignView>> {
    const qb = this.dataSource.getRepository(GrantCampaignEntity).createQueryBuilder('c');
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.year !== undefined) qb.andWhere('c.year = :year', { year: query.year });
    const [rows, total] = await qb
      .orderBy('c.year', 'DESC')
      .addOrderBy(`c.data->>'openedAt'`, 'DESC')
      .addOrderBy('c.campaign_id')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return {
      items: rows.map((r) => campaignView(r.data, r.version)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }
}
