import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { HARDSHIP_TIERS, type HardshipTier } from '@union/contracts';
import { ASSISTANCE_CATEGORIES, type AssistanceCategory } from '@union/hardship-cases/domain';
import type { Principal } from '@union/platform';
import { DATA_SOURCE, OrgScope } from '@union/runtime';
import type { StatsQuery } from './stats.query';

/** A count of assistance (人次) and its amount. */
export interface Figure {
  count: number;
  amountFen: number;
}

/** The figures of DOMAIN.md §1 for one set of cases (a scope, a subtree, one child node). */
export interface HardshipFigures {
  /** 人次: disbursed assistance in the year, a person helped twice counted twice. */
  peopleAssisted: number;
  /** Different people among them. */
  distinctPeople: number;
  totalFen: number;
  byCategory: Record<AssistanceCategory, Figure>;
  /** By fund id (by the free-text source for assistance recorded before funds). */
  byFundSource: Record<string, Figure>;
  /** Requests of the year still waiting for a reviewer (not in the figures above). */
  pendingApproval: Figure;
  /**
   * Cases open now (not by year: a file is open or not today), by tier, so a report shows the
   * case files by tier and, with `groupBy=child`, by node.
   */
  openCases: OpenCases;
}

/** Open case files, by tier (every tier, zeros included). */
export interface OpenCases {
  total: number;
  byTier: Record<HardshipTier, number>;
}

/** One child node's figures (`groupBy=child`). */
export interface ChildFigures extends HardshipFigures {
  orgId: string;
  name: string;
}

/** The yearly figures of DOMAIN.md §1 ("per year: people assisted (人次), amounts by category and fund"). */
export interface HardshipStats extends HardshipFigures {
  year: number;
  unitId: string | null;
  /** The node whose subtree the figures cover, when asked for (`orgId=`). */
  orgId?: string;
  /** With `groupBy=child`: the same figures for each child of `orgId`, by name. */
  byChild?: ChildFigures[];
}

interface GroupRow {
  key: string;
  n: number;
  fen: string;
}

const figure = (row: GroupRow | undefined): Figure => ({
  count: row?.n ?? 0,
  amountFen: Number(row?.fen ?? 0),
});

/**
 * Yearly figures over the assistance read model. An assistance counts in the year it was
 * recorded, once it is disbursed (at once, or on approval); rejected ones never count. A
 * caseworker's figures cover the subtrees of their units; `orgId` narrows them to one subtree,
 * and `groupBy=child` adds each child's (DOMAIN.md §4).
 */
@Injectable()
export class HardshipStatsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly orgScope: OrgScope,
  ) {}

  async figures(query: StatsQuery, principal: Principal): Promise<HardshipStats> {
    const scoped = async (orgId: string | undefined): Promise<HardshipFigures> => {
      const params: unknown[] = [];
      const where: string[] = [];
      const scope = this.orgScope.scopeSql(principal, 'c.unit_id', params);
      if (scope !== null) where.push(scope);
      if (query.unitId) where.push(`c.unit_id = $${params.push(query.unitId)}`);
      if (orgId !== undefined) where.push(this.orgScope.withinOrgSql(orgId, 'c.unit_id', params));
      const [assistance, openCases] = await Promise.all([
        this.of([...where, `a.year = $${params.length + 1}`], [...params, query.year]),
        this.openCases(where, params),
      ]);
      return { ...assistance, openCases };
    };
    const children =
      query.groupBy === 'child' && query.orgId ? await this.orgScope.childrenOf(query.orgId) : null;
    const [total, ...byChild] = await Promise.all([
      scoped(query.orgId),
      ...(children ?? []).map((child) => scoped(child.orgId)),
    ]);
    return {
      year: query.year,
      unitId: query.unitId ?? null,
      ...(query.orgId !== undefined ? { orgId: query.orgId } : {}),
      ...total,
      ...(children ? { byChild: children.map((child, i) => ({ ...child, ...byChild[i] })) } : {}),
    };
  }

  private async openCases(where: readonly string[], params: unknown[]): Promise<OpenCases> {
    const rows = await this.dataSource.query<{ tier: string; n: number }[]>(
      `SELECT c.tier, count(*)::int AS n FROM case_summary c
       WHERE ${["c.status = 'open'", ...where].join(' AND ')} GROUP BY c.tier`,
      params,
    );
    const byTier = Object.fromEntries(
      HARDSHIP_TIERS.map((t) => [t, rows.find((r) => r.tier === t)?.n ?? 0]),
    ) as Record<HardshipTier, number>;
    return { total: Object.values(byTier).reduce((a, b) => a + b, 0), byTier };
  }

  private async of(where: string[], params: unknown[]): Promise<Omit<HardshipFigures, 'openCases'>> {
    const from = `FROM case_assistance a JOIN case_summary c ON c.case_id = a.case_id WHERE ${where.join(' AND ')}`;
    const sum = (status: string, key?: string): Promise<GroupRow[]> =>
      this.dataSource.query<GroupRow[]>(
        `SELECT ${key ?? "''"} AS key, count(*)::int AS n, coalesce(sum(a.amount_fen), 0)::text AS fen ${from}
         AND a.status = '${status}'${key ? ` GROUP BY ${key}` : ''}`,
        params,
      );
    const [[people], byCategory, byFund, [pending]] = await Promise.all([
      this.dataSource.query<{ n: number }[]>(
        `SELECT count(DISTINCT c.person_ref)::int AS n ${from} AND a.status = 'disbursed'`,
        params,
      ),
      sum('disbursed', 'a.category'),
      // By fund id; assistance recorded before funds by its free-text source.
      sum('disbursed', 'coalesce(a.fund_id, a.fund_source)'),
      sum('pending_approval'),
    ]);
    const categories = Object.fromEntries(
      ASSISTANCE_CATEGORIES.map((c) => [c, figure(byCategory.find((r) => r.key === c))]),
    ) as Record<AssistanceCategory, Figure>;
    const total = Object.values(categories).reduce(
      (sum, f) => ({ count: sum.count + f.count, amountFen: sum.amountFen + f.amountFen }),
      { count: 0, amountFen: 0 },
    );
    return {
      peopleAssisted: total.count,
      distinctPeople: people?.n ?? 0,
      totalFen: total.amountFen,
      byCategory: categories,
      byFundSource: Object.fromEntries(byFund.map((r) => [r.key, figure(r)])),
      pendingApproval: figure(pending),
    };
  }
}
