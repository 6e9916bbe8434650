import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import {
  applicationFigures,
  campaignReport,
  type ApplicationFigures,
  type ApplicationRow,
  type CampaignReport,
} from '@union/education-grants/domain';
import type { Principal } from '@union/platform';
import { DATA_SOURCE, OrgScope, type OrgChild } from '@union/runtime';
import { GrantApplicationEntity } from '../../read-models/grant-application.entity';
import { GrantRecords } from '../../read-models/grant-records.reader';
import type { CampaignReportQuery } from './campaign-report.query';

/** The report, for a subtree (`orgId`) and with each child's application figures (`groupBy=child`). */
export type CampaignReportView = CampaignReport & {
  version: number;
  /** The node whose subtree the application figures cover, when asked for (`orgId=`). */
  orgId?: string;
  byChild?: (OrgChild & ApplicationFigures)[];
};

/**
 * The report per campaign (DOMAIN.md §2): applications by status and level, approved, disbursed,
 * reserved and remaining budget. The budget figures come from the campaign's own ledger, for the
 * whole campaign; the application figures cover the subtrees the principal reads, narrowed to
 * `orgId`'s subtree, and `groupBy=child` adds each child node's (DOMAIN.md §4).
 */
@Injectable()
export class CampaignReportHandler {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly records: GrantRecords,
    private readonly orgScope: OrgScope,
  ) {}

  async execute(
    campaignId: string,
    query: CampaignReportQuery,
    principal: Principal,
  ): Promise<CampaignReportView> {
    // One snapshot, so the counts and the ledger describe the same moment.
    return this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const campaign = await this.records.campaign(campaignId, tx);
      const applications = await this.applications(tx, campaignId, principal, query.orgId);
      const children =
        query.groupBy === 'child' && query.orgId ? await this.orgScope.childrenOf(query.orgId, tx) : null;
      const byChild = children
        ? await Promise.all(
            children.map(async (child) => ({
              ...child,
              ...applicationFigures(
                campaign.data,
                await this.applications(tx, campaignId, principal, child.orgId),
              ),
            })),
          )
        : undefined;
      return {
        ...campaignReport(campaign.data, applications),
        version: campaign.version,
        ...(query.orgId !== undefined ? { orgId: query.orgId } : {}),
        ...(byChild ? { byChild } : {}),
      };
    });
  }

  private async applications(
    tx: EntityManager,
    campaignId: string,
    principal: Principal,
    orgId: string | undefined,
  ): Promise<ApplicationRow[]> {
    const qb = tx
      .getRepository(GrantApplicationEntity)
      .createQueryBuilder('a')
      .where('a.campaign_id = :campaignId', { campaignId });
    const scope = this.orgScope.scopeWhere(principal, 'a.unit_id');
    if (scope) qb.andWhere(scope.sql, scope.params);
    if (orgId !== undefined) {
      const within = this.orgScope.withinOrgWhere(orgId, 'a.unit_id');
      qb.andWhere(within.sql, within.params);
    }
    return (await qb.getMany()).map((a) => a.data);
  }
}
