import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { campaignReport, type CampaignReport } from '@union/education-grants/domain';
import { DATA_SOURCE } from '@union/runtime';
import { GrantApplicationEntity } from '../../read-models/grant-application.entity';
import { GrantRecords } from '../../read-models/grant-records.reader';

/**
 * The report per campaign (DOMAIN.md §2): applications by status and level, approved, disbursed,
 * reserved and remaining budget. The budget figures come from the campaign's own ledger.
 */
@Injectable()
export class CampaignReportHandler {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly records: GrantRecords,
  ) {}

  async execute(campaignId: string): Promise<CampaignReport & { version: number }> {
    // One snapshot, so the counts and the ledger describe the same moment.
    return this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const campaign = await this.records.campaign(campaignId, tx);
      const applications = await tx.getRepository(GrantApplicationEntity).findBy({ campaignId });
      return {
        ...campaignReport(
          campaign.data,
          applications.map((a) => a.data),
        ),
        version: campaign.version,
      };
    });
  }
}
