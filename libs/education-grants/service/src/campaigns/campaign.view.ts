import type { CampaignRow } from '@union/education-grants/domain';

/** API.md's campaign, with its budget figures (remaining = budget - reserved - disbursed). */
export function campaignView(row: CampaignRow, version: number) {
  return {
    campaignId: row.campaignId,
    version,
    year: row.year,
    name: row.name,
    status: row.status,
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    schoolStartOn: row.schoolStartOn,
    amountsByLevelFen: row.amountsByLevelFen,
    eligibleTiers: row.eligibleTiers,
    budgetFen: row.budgetFen,
    reservedFen: row.reservedFen,
    disbursedFen: row.disbursedFen,
    remainingFen: row.remainingFen,
    openedBy: row.openedBy,
    openedAt: row.openedAt,
    closedAt: row.closedAt ?? undefined,
  };
}

export type CampaignView = ReturnType<typeof campaignView>;
