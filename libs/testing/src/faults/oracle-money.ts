import { SERVICES, type FaultPlatform } from './fault-platform';
import { get } from './http-client';
import { withClient } from './postgres-cluster';

/** A campaign event as the log holds it. */
export interface CampaignRow {
  stream_id: string;
  type: string;
  data: { applicationId?: string; amountFen?: number; budgetFen?: number };
}
type Budget = { budget: number; reserved: number; disbursed: number };

/** Folds each campaign's events (in stream order), naming every event after which it was overspent. */
export function foldBudgets(rows: CampaignRow[]): { campaigns: Map<string, Budget>; problems: string[] } {
  const problems: string[] = [];
  const campaigns = new Map<string, Budget>();
  for (const r of rows) {
    const c = campaigns.get(r.stream_id) ?? { budget: 0, reserved: 0, disbursed: 0 };
    campaigns.set(r.stream_id, c);
    const amount = r.data.amountFen ?? 0;
    if (r.type === 'CampaignOpened') c.budget = r.data.budgetFen ?? 0;
    if (r.type === 'BudgetReserved') c.reserved += amount;
    if (r.type === 'ReservationReleased') c.reserved -= amount;
    if (r.type === 'GrantPaidFromBudget') {
      c.reserved -= amount;
      c.disbursed += amount;
    }
    if (c.reserved + c.disbursed > c.budget)
      problems.push(
        `${r.stream_id} overspent at ${r.type}: ${c.reserved} reserved + ${c.disbursed} disbursed > ${c.budget}`,
      );
  }
  return { campaigns, problems };
}

/**
 * No budget overspent: each campaign's log folded event by event never has reserved + disbursed
 * above the budget, and the campaign the API shows has the fold's figures.
 */
export async function budgetProblems(
  platform: FaultPlatform,
  base: string,
  token: string,
): Promise<string[]> {
  const rows = await withClient(
    platform.databaseUrls['education-grants'],
    async (c) =>
      (
        await c.query<CampaignRow>(
          `SELECT stream_id, type, data FROM events WHERE stream_type = 'campaign' ORDER BY stream_id, version`,
        )
      ).rows,
  );
  const { campaigns, problems } = foldBudgets(rows);
  for (const [streamId, c] of campaigns) {
    const shown = await get(base, token, `/grants/campaigns/${streamId.replace(/^campaign-/, '')}`);
    const { budgetFen, reservedFen, disbursedFen } = shown.body as Record<string, number>;
    if (
      shown.status !== 200 ||
      budgetFen !== c.budget ||
      reservedFen !== c.reserved ||
      disbursedFen !== c.disbursed
    )
      problems.push(
        `${streamId}: API shows ${shown.status} ${JSON.stringify(shown.body).slice(0, 160)}, log folds to ${JSON.stringify(c)}`,
      );
  }
  return problems;
}

/** No grant or claim paid twice: per application and per claim, at most one payment of each kind. */
export async function paidTwice(platform: FaultPlatform): Promise<string[]> {
  const twice = async (service: 'education-grants' | 'medical-aid', types: string[], key: string) =>
    withClient(platform.databaseUrls[service], async (c) => {
      const rows = await c.query<{ id: string; type: string; n: number }>(
        `SELECT data->>'${key}' AS id, type, count(*)::int AS n FROM events WHERE type = ANY($1) GROUP BY 1, 2 HAVING count(*) > 1`,
        [types],
      );
      return rows.rows.map((r) => `${service}: ${r.type} ${r.n} times for ${key} ${r.id}`);
    });
  return [
    ...(await twice(
      'education-grants',
      ['GrantDisbursed', 'GrantPaidFromBudget', 'BudgetReserved'],
      'applicationId',
    )),
    ...(await twice('medical-aid', ['ClaimPaid', 'ClaimPaymentRecorded', 'CapReserved'], 'claimId')),
  ];
}

/** Each service's hash chains and seals verify, through the gateway's audit API. */
export async function chainProblems(base: string, auditor: string): Promise<string[]> {
  const problems: string[] = [];
  for (const s of SERVICES) {
    const r = await get(base, auditor, `/audit/${s}/verify`);
    if (r.status !== 200 || r.body.valid !== true)
      problems.push(`${s}: verify answered ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
  }
  return problems;
}
