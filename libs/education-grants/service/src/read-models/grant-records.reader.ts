import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '@union/kernel';
import { DATA_SOURCE } from '@union/runtime';
import { GrantApplicationEntity } from './grant-application.entity';
import { GrantCampaignEntity } from './grant-campaign.entity';

/** Reads one campaign or application row (read-your-writes: updated in the command's transaction). */
@Injectable()
export class GrantRecords {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async campaign(
    campaignId: string,
    tx: EntityManager = this.dataSource.manager,
  ): Promise<GrantCampaignEntity> {
    const row = await tx.getRepository(GrantCampaignEntity).findOneBy({ campaignId });
    if (!row) throw new DomainError('NOT_FOUND', `There is no campaign ${campaignId}.`);
    return row;
  }

  async application(applicationId: string): Promise<GrantApplicationEntity> {
    const row = await this.dataSource.getRepository(GrantApplicationEntity).findOneBy({ applicationId });
    if (!row) throw new DomainError('NOT_FOUND', `There is no application ${applicationId}.`);
    return row;
  }
}
