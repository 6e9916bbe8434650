import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { BP_ONE, DomainError } from '@union/kernel';
import type { FundReport, PeriodRow } from '@union/medical-aid/domain';
import type { Page, Principal } from '@union/platform';
import { DATA_SOURCE, OrgScope, subtreesSql, withinOrgSql, type OrgChild } from '@union/runtime';
import { PeriodSummaryEntity } from '../read-models/period-summary.entity';
import { ReadScope } from '../shared/read-scope';
import type { FundReportQuery } from './fund-report.query';
import type { ListPeriodsQuery } from './list-periods.query';
import { periodView, type PeriodView } from './period.view';

/** The fund report, for a subtree (`orgId`) and with each child's figures (`groupBy=child`). */
export type FundReportView = FundReport & {
  /** The node whose subtree the figures cover, when asked for (`orgId=`). */
  orgId?: string;
  byChild?: (OrgChild & Omit<FundReport, 'periodId'>)[];
};

interface MemberSums {
  members_paid: string;
  members_waived: string;
  contributions_fen: string;
  aid_fen: string;
}
interface ClaimSums {
  claims_paid: string;
  payouts_fen: string;
}
interface MonthSums extends ClaimSums {
  month: string;
}

/** Periods and their fund report, from the read models. */
@Injectable()
export class PeriodQueries {
  /** Periods are never amended once opened, so a period read once is kept (a few per year). */
  private readonly opened = new Map<string, PeriodRow>();

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly orgScope: OrgScope,
    private readonly readScope: ReadScope,
  ) {}

  /** The period as opened; 404 when there is none. */
  async period(periodId: string): Promise<PeriodRow> {
    const known = this.opened.get(periodId);
    if (known) return known;
    const row = await this.dataSource.getRepository(PeriodSummaryEntity).findOneBy({ periodId });
    if (!row) throw new DomainError('NOT_FOUND', `There is no period ${periodId}.`);
    this.opened.set(periodId, row.data);
    return row.data;
  }

  /**
   * Every period, newest opened first (a few a year, so no filter): what a caseworker enrolls
   * into and claims from, and what an admin has opened. Periods carry no unit, so all see all.
   */
  async list(query: ListPeriodsQuery): Promise<Page<PeriodView>> {
    const [rows, total] = await this.dataSource.getRepository(PeriodSummaryEntity).findAndCount({
      order: { openedAt: 'DESC', periodId: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: rows.map((r) => periodView(r.data)), page: query.page, pageSize: query.pageSize, total };
  }

  /**
   * DOMAIN.md's fund report, summed by the database: a period has hundreds of thousands of
   * members, too many to load. Same figures as the domain's `fundReport` over the rows (tested).
   * A reader of some units gets their subtrees' figures; `orgId` narrows them to its subtree
   * and `groupBy=child` adds each child node's (DOMAIN.md §4).
   */
  async fundReport(
    periodId: string,
    principal: Principal,
    query: FundReportQuery = {},
  ): Promise<FundReportView> {
    await this.period(periodId);
    const children =
      query.groupBy === 'child' && query.orgId ? await this.orgScope.childrenOf(query.orgId) : null;
    const [total, ...byChild] = await Promise.all([
      this.figures(periodId, principal, query.orgId),
      ...(children ?? []).map((child) => this.figures(periodId, principal, child.orgId)),
    ]);
    return {
      ...total,
      ...(query.orgId !== undefined ? { orgId: query.orgId } : {}),
      ...(children
        ? { byChild: children.map((child, i) => ({ ...child, ...withoutPeriod(byChild[i]) })) }
        : {}),
    };
  }

  private async figures(
    periodId: string,
    principal: Principal,
    orgId: string | undefined,
  ): Promise<FundReport> {
    const params: unknown[] = [periodId];
    const where = ['period_id = $1'];
    const scope = this.readScope.readsEveryUnit(principal)
      ? null
      : subtreesSql(principal.units, 'unit_id', params);
    if (scope) where.push(scope);
    if (orgId !== undefined) where.push(withinOrgSql(orgId, 'unit_id', params));
    const [m]: MemberSums[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE NOT waived) AS members_paid, count(*) FILTER (WHERE waived) AS members_waived,
              coalesce(sum(contribution_fen), 0) AS contributions_fen, coalesce(sum(serious_illness_aid_fen), 0) AS aid_fen
       FROM membership_summary WHERE ${where.join(' AND ')}`,
      params,
    );
    const months: MonthSums[] = await this.dataSource.query(
      `SELECT substr(data->>'paidOn', 1, 7) AS month, count(*) AS claims_paid, sum(payout_fen) AS payouts_fen
       FROM claim_summary WHERE ${where.join(' AND ')} AND status = 'paid'
       GROUP BY 1 ORDER BY 1`,
      params,
    );
    const c: ClaimSums = {
      claims_paid: String(months.reduce((n, m) => n + Number(m.claims_paid), 0)),
      payouts_fen: String(months.reduce((n, m) => n + BigInt(m.payouts_fen), 0n)),
    };
    const contributionsFen = Number(m.contributions_fen);
    const spentFen = BigInt(c.payouts_fen) + BigInt(m.aid_fen);
    const usageRateBp =
      contributionsFen === 0 ? null : Number((spentFen * BigInt(BP_ONE)) / BigInt(contributionsFen));
    return {
      periodId,
      membersPaid: Number(m.members_paid),
      membersWaived: Number(m.members_waived),
      contributionsFen,
      claimsPaid: Number(c.claims_paid),
      payoutsFen: Number(c.payouts_fen),
      seriousIllnessAidFen: Number(m.aid_fen),
      usageRateBp,
      deficit: usageRateBp !== null && usageRateBp > BP_ONE,
      payoutsByMonth: months.map((m) => ({
        month: m.month,
        claimsPaid: Number(m.claims_paid),
        payoutsFen: Number(m.payouts_fen),
      })),
    };
  }
}

const withoutPeriod = ({ periodId: _periodId, ...figures }: FundReport): Omit<FundReport, 'periodId'> =>
  figures;
