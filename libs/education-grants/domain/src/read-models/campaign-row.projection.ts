import type { HardshipTier } from '@union/contracts';
import type { Fen, IsoDate } from '@union/kernel';
import type { CampaignEvent } from '../campaign/campaign.events';
import type { AmountsByLevelFen } from '../shared/grant-vocabulary';

/** A campaign as API.md shows it, with its budget figures; one row per `campaign-<uuid>` stream. */
export interface CampaignRow {
  readonly campaignId: string;
  /** The stream version this row reflects (the ETag). */
  readonly version: number;
  readonly year: number;
  readonly name: string;
  readonly status: 'open' | 'closed';
  readonly opensOn: IsoDate;
  readonly closesOn: IsoDate;
  readonly schoolStartOn: IsoDate;
  readonly amountsByLevelFen: AmountsByLevelFen;
  readonly eligibleTiers: readonly HardshipTier[];
  readonly budgetFen: Fen;
  readonly reservedFen: Fen;
  readonly disbursedFen: Fen;
  /** budgetFen - reservedFen - disbursedFen. */
  readonly remainingFen: Fen;
  readonly openedBy: string;
  readonly openedAt: string;
  readonly closedAt: string | null;
}

const withMoney = (row: CampaignRow, reservedFen: Fen, disbursedFen: Fen): CampaignRow => ({
  ...row,
  reservedFen,
  disbursedFen,
  remainingFen: row.budgetFen - reservedFen - disbursedFen,
});

function apply(row: CampaignRow | null, event: CampaignEvent): CampaignRow | null {
  if (event.type === 'CampaignOpened') {
    const { data } = event;
    return {
      ...data,
      version: 0,
      status: 'open',
      reservedFen: 0,
      disbursedFen: 0,
      remainingFen: data.budgetFen,
      closedAt: null,
    };
  }
  // Nothing can follow a missing opening; leave the row absent rather than invent one.
  if (row === null) return null;
  switch (event.type) {
    case 'CampaignClosed':
      return { ...row, status: 'closed', closedAt: event.data.closedAt };
    case 'BudgetReserved':
      return withMoney(row, row.reservedFen + event.data.amountFen, row.disbursedFen);
    case 'ReservationReleased':
      return withMoney(row, row.reservedFen - event.data.amountFen, row.disbursedFen);
    case 'GrantPaidFromBudget':
      return withMoney(row, row.reservedFen - event.data.amountFen, row.disbursedFen + event.data.amountFen);
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/**
 * The campaign row after the event at stream `version`. Idempotent: an event the row already
 * reflects (version not above the row's) returns the row unchanged, so a redelivery or a rebuild
 * over a live row gives the same result.
 */
export function evolveCampaignRow(
  row: CampaignRow | null,
  event: CampaignEvent,
  version: number,
): CampaignRow | null {
  if (row !== null && version <= row.version) return row;
  const next = apply(row, event);
  return next === null ? null : { ...next, version };
}
