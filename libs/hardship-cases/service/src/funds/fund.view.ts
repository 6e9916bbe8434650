import type { FundRow } from '@union/hardship-cases/domain';

/** One fund as the API shows it. */
export function fundView(row: FundRow, version: number) {
  return {
    fundId: row.fundId,
    name: row.name,
    year: row.year,
    category: row.category,
    holderOrgId: row.holderOrgId,
    parentFundId: row.parentFundId,
    allocationId: row.allocationId,
    amountFen: row.amountFen,
    allocatedFen: row.allocatedFen,
    spentFen: row.spentFen,
    remainingFen: row.remainingFen,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    version,
  };
}

export type FundView = ReturnType<typeof fundView>;
