import type { Fen } from '@union/kernel';
import type { FundEvent } from '../fund/fund.events';
import type { FundCategory } from '../shared/hardship-vocabulary';

/** One fund as lists and reports read it (`GET /funds`, `GET /funds/{fundId}`). */
export interface FundRow {
  readonly fundId: string;
  readonly name: string;
  readonly year: number;
  readonly category: FundCategory;
  readonly holderOrgId: string;
  readonly parentFundId: string | null;
  readonly allocationId: string | null;
  /** What the fund received: its amount at creation. */
  readonly amountFen: Fen;
  /** Passed down to child nodes. */
  readonly allocatedFen: Fen;
  /** Drawn by assistance and reserved by batches, net of what came back. */
  readonly spentFen: Fen;
  /** amount − allocated − spent; never below zero. */
  readonly remainingFen: Fen;
  readonly createdBy: string;
  readonly createdAt: string;
}

/** The fund row after one event of its stream. Pure; never throws. */
export function evolveFundRow(row: FundRow | null, event: FundEvent): FundRow | null {
  if (event.type === 'FundCreated') {
    const d = event.data;
    return {
      fundId: d.fundId,
      name: d.name,
      year: d.year,
      category: d.category,
      holderOrgId: d.holderOrgId,
      parentFundId: d.parentFundId ?? null,
      allocationId: d.allocationId ?? null,
      amountFen: d.amountFen,
      allocatedFen: 0,
      spentFen: 0,
      remainingFen: d.amountFen,
      createdBy: d.createdBy,
      createdAt: d.createdAt,
    };
  }
  if (row === null) return null;
  const { amountFen } = event.data;
  switch (event.type) {
    case 'FundAllocated':
      return {
        ...row,
        allocatedFen: row.allocatedFen + amountFen,
        remainingFen: row.remainingFen - amountFen,
      };
    case 'FundDrawn':
    case 'FundReservedForBatch':
      return { ...row, spentFen: row.spentFen + amountFen, remainingFen: row.remainingFen - amountFen };
    case 'FundDrawReturned':
    case 'FundBatchReleased':
      return { ...row, spentFen: row.spentFen - amountFen, remainingFen: row.remainingFen + amountFen };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/** Received, allocated down, spent and remaining: of one fund, or summed over a subtree of funds. */
export interface FundFigures {
  readonly receivedFen: Fen;
  readonly allocatedFen: Fen;
  readonly spentFen: Fen;
  readonly remainingFen: Fen;
}

/** One child node in a fund report: what it received from the fund and what became of it below. */
export interface FundReportChild extends FundFigures {
  readonly orgId: string;
  /** The child's funds made by this fund's allocations to it. */
  readonly fundIds: readonly string[];
}

/** `GET /funds/{fundId}/report?groupBy=child` (DOMAIN.md §4, "a fund report per node"). */
export interface FundReport {
  readonly fund: FundFigures & { readonly fundId: string; readonly holderOrgId: string };
  /**
   * One entry per child node the fund allocated to: `receivedFen` and `allocatedFen` are the
   * child's own; `spentFen` and `remainingFen` are summed over the child's funds and every fund
   * allocated below them, so `receivedFen = spentFen + remainingFen` per child, the children's
   * `receivedFen` add up to the fund's `allocatedFen`, and `total` to the fund's amount.
   */
  readonly byChild: readonly FundReportChild[];
  /** Spent and remaining over the fund and every fund below it: they add up to `receivedFen`. */
  readonly total: FundFigures;
}

const figures = (row: FundRow): FundFigures => ({
  receivedFen: row.amountFen,
  allocatedFen: row.allocatedFen,
  spentFen: row.spentFen,
  remainingFen: row.remainingFen,
});

/**
 * The report of `root` from it and every fund allocated below it (`descendants`, in any order;
 * rows not below `root` are ignored). Pure: the service reads the rows.
 */
export function fundReport(root: FundRow, descendants: readonly FundRow[]): FundReport {
  const childrenOf = new Map<string, FundRow[]>();
  for (const row of descendants) {
    if (row.parentFundId === null) continue;
    childrenOf.set(row.parentFundId, [...(childrenOf.get(row.parentFundId) ?? []), row]);
  }
  const below = (row: FundRow, seen: Set<string>): { spentFen: Fen; remainingFen: Fen } => {
    let spent = row.spentFen;
    let remaining = row.remainingFen;
    for (const child of childrenOf.get(row.fundId) ?? []) {
      if (seen.has(child.fundId)) continue;
      seen.add(child.fundId);
      const sub = below(child, seen);
      spent += sub.spentFen;
      remaining += sub.remainingFen;
    }
    return { spentFen: spent, remainingFen: remaining };
  };
  const byOrg = new Map<string, FundReportChild>();
  for (const child of childrenOf.get(root.fundId) ?? []) {
    const sub = below(child, new Set([root.fundId, child.fundId]));
    const prev = byOrg.get(child.holderOrgId);
    byOrg.set(child.holderOrgId, {
      orgId: child.holderOrgId,
      fundIds: [...(prev?.fundIds ?? []), child.fundId],
      receivedFen: (prev?.receivedFen ?? 0) + child.amountFen,
      allocatedFen: (prev?.allocatedFen ?? 0) + child.allocatedFen,
      spentFen: (prev?.spentFen ?? 0) + sub.spentFen,
      remainingFen: (prev?.remainingFen ?? 0) + sub.remainingFen,
    });
  }
  const whole = below(root, new Set([root.fundId]));
  return {
    fund: { fundId: root.fundId, holderOrgId: root.holderOrgId, ...figures(root) },
    byChild: [...byOrg.values()].sort((a, b) => a.orgId.localeCompare(b.orgId)),
    total: { receivedFen: root.amountFen, allocatedFen: root.allocatedFen, ...whole },
  };
}
