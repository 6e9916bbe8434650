import type { EducationLevel } from '@union/contracts';
import type { Fen } from '@union/kernel';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../application/application.events';
import { EDUCATION_LEVELS } from '../shared/grant-vocabulary';
import type { ApplicationRow } from './application-row.projection';
import type { CampaignRow } from './campaign-row.projection';

/** A count of applications and the sum of their grants. */
export interface CountAndAmount {
  readonly count: number;
  readonly amountFen: Fen;
}

/** The report per campaign (DOMAIN.md §2, API.md `GET /campaigns/{id}/report`). */
export interface CampaignReport {
  readonly campaignId: string;
  readonly year: number;
  readonly name: string;
  readonly budgetFen: Fen;
  /** Every status, zeros included, so the shape never depends on the data. */
  readonly byStatus: Readonly<Record<ApplicationStatus, CountAndAmount>>;
  /** Every level, zeros included; all applications whatever their status. */
  readonly byLevel: Readonly<Record<EducationLevel, CountAndAmount>>;
  /** Grants approved and still standing: approved, disbursed, or held after approval. */
  readonly approvedFen: Fen;
  readonly disbursedFen: Fen;
  readonly reservedFen: Fen;
  readonly remainingFen: Fen;
  /** Grants disbursed after the school start. */
  readonly lateDisbursements: CountAndAmount;
}

const ZERO: CountAndAmount = { count: 0, amountFen: 0 };

const add = (total: CountAndAmount, row: ApplicationRow): CountAndAmount => ({
  count: total.count + 1,
  amountFen: total.amountFen + row.amountFen,
});

const zeros = <K extends string>(keys: readonly K[]): Record<K, CountAndAmount> =>
  Object.fromEntries(keys.map((k) => [k, ZERO])) as Record<K, CountAndAmount>;

const wasApproved = (row: ApplicationRow): boolean =>
  row.status === 'approved' ||
  row.status === 'disbursed' ||
  (row.status === 'on_hold' && row.heldFrom === 'approved');

/**
 * The campaign's report. Budget figures (reserved, disbursed, remaining) come from the campaign
 * row, the budget's own ledger; counts and amounts come from the applications, of which only
 * those of this campaign are counted.
 */
export function campaignReport(
  campaign: CampaignRow,
  applications: readonly ApplicationRow[],
): CampaignReport {
  const byStatus = zeros(APPLICATION_STATUSES);
  const byLevel = zeros(EDUCATION_LEVELS);
  let approvedFen = 0;
  let late = ZERO;
  for (const row of applications) {
    if (row.campaignId !== campaign.campaignId) continue;
    byStatus[row.status] = add(byStatus[row.status], row);
    byLevel[row.student.level] = add(byLevel[row.student.level], row);
    if (wasApproved(row)) approvedFen += row.amountFen;
    if (row.status === 'disbursed' && row.late === true) late = add(late, row);
  }
  const { campaignId, year, name, budgetFen, reservedFen, disbursedFen, remainingFen } = campaign;
  return {
    ...{ campaignId, year, name, budgetFen, byStatus, byLevel, approvedFen },
    ...{ disbursedFen, reservedFen, remainingFen, lateDisbursements: late },
  };
}

/** The figures of a campaign report that come from applications alone (per node, `byChild`). */
export type ApplicationFigures = Pick<
  CampaignReport,
  'byStatus' | 'byLevel' | 'approvedFen' | 'lateDisbursements'
>;

/** {@link campaignReport}'s application figures for some of the campaign's applications. */
export function applicationFigures(
  campaign: CampaignRow,
  applications: readonly ApplicationRow[],
): ApplicationFigures {
  const { byStatus, byLevel, approvedFen, lateDisbursements } = campaignReport(campaign, applications);
  return { byStatus, byLevel, approvedFen, lateDisbursements };
}
