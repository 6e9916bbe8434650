import { addDays, chinaToday } from '@union/kernel';
import { signDevToken, type Role } from '@union/platform';
import { createdId, write, type Ledger, type WriteSpec } from './http-client';
import { story, UNIT } from './stories';

/** A grant, and a campaign budget of four: approvals race for the last one. */
export const GRANT_FEN = 200_000;
const BUDGET_FEN = 4 * GRANT_FEN;

/** What every client shares: the gateway, who signs its tokens, the period and the campaigns. */
export interface LoadContext {
  gatewayUrl: string;
  jwtSecret: string;
  ledger: Ledger;
  periodId: string;
  campaigns: Campaigns;
  /** The special fund of the load's unit that its hardship assistance is paid from. */
  fundId: string;
}

/** A bearer token for a user of the union unit the load works in. */
export const tokenFor = (secret: string, sub: string, roles: Role[]) =>
  signDevToken(secret, { sub, roles, units: [UNIT] }, 3600);

/**
 * The campaigns applications go to: when one is exhausted (an approval got 409
 * BUDGET_EXHAUSTED) the admin opens the next, so approvals keep racing for a small budget
 * through every phase.
 */
export class Campaigns {
  readonly ids: string[] = [];
  private opening: Promise<void> | null = null;
  constructor(private readonly open: () => Promise<string | null>) {}

  current(): string {
    return this.ids[this.ids.length - 1];
  }

  /** Opens the next campaign once, however many clients report the exhaustion. */
  async exhausted(campaignId: string): Promise<void> {
    if (campaignId !== this.current()) return;
    this.opening ??= this.open()
      .then((id) => void (id && this.ids.push(id)))
      .finally(() => (this.opening = null));
    await this.opening;
  }
}

/** Sets up what the stories need: a medical-aid period and the first campaign. */
export async function setUpLoad(gatewayUrl: string, jwtSecret: string, ledger: Ledger): Promise<LoadContext> {
  const admin = await tokenFor(jwtSecret, 'admin-faults', ['admin']);
  const today = chinaToday(new Date());
  const adminWrite = (spec: Omit<WriteSpec, 'token'>) => write(gatewayUrl, ledger, { ...spec, token: admin });
  const period = await adminWrite({
    op: 'open-period',
    service: 'medical-aid',
    expects: 'PeriodOpened',
    path: '/medical-aid/periods',
    body: {
      name: '故障注入期',
      coverageStart: addDays(today, -30),
      coverageEnd: addDays(today, 300),
      enrollmentOpensOn: addDays(today, -30),
      enrollmentClosesOn: addDays(today, 30),
      rules: {
        inpatient: { deductibleFen: 100_000, bands: [{ uptoFen: null, ratioBp: 5000 }] },
        seriousIllness: { bands: [{ uptoFen: null, ratioBp: 5000 }] },
        hardshipRisk: { thresholdFen: 3_000_000 },
      },
    },
  });
  const openCampaign = async () => {
    const w = await adminWrite({
      op: 'open-campaign',
      service: 'education-grants',
      expects: 'CampaignOpened',
      path: '/grants/campaigns',
      body: {
        year: Number(today.slice(0, 4)),
        name: '金秋助学 故障注入',
        budgetFen: BUDGET_FEN,
        opensOn: addDays(today, -1),
        closesOn: addDays(today, 30),
        schoolStartOn: addDays(today, 60),
        amountsByLevelFen: { senior_high: GRANT_FEN },
      },
    });
    return (w.outcome === 'accepted' && createdId(w, 'campaignId', 'campaign')) || null;
  };
  const fund = await adminWrite({
    op: 'create-fund',
    service: 'hardship-cases',
    expects: 'FundCreated',
    path: '/hardship/funds',
    body: {
      name: '帮扶专项资金 故障注入',
      year: Number(today.slice(0, 4)),
      category: 'any',
      holderOrgId: UNIT,
      amountFen: 100_000_000_000,
    },
  });
  const fundId = fund.outcome === 'accepted' ? createdId(fund, 'fundId', 'fund') : undefined;
  if (!fundId) throw new Error(`setup failed: fund ${fund.status}`);
  const campaigns = new Campaigns(openCampaign);
  const first = await openCampaign();
  const periodId = period.outcome === 'accepted' ? createdId(period, 'periodId', 'period') : undefined;
  if (!periodId || !first)
    throw new Error(`setup failed: period ${period.status}, campaign ${first ?? 'none'}`);
  campaigns.ids.push(first);
  return { gatewayUrl, jwtSecret, ledger, periodId, campaigns, fundId };
}

/** Runs `clients` concurrent clients, each telling stories until stop(); stop waits for them. */
export function startLoad(ctx: LoadContext, clients: number): { stop(): Promise<void> } {
  let running = true;
  let person = 0;
  const loops = Array.from({ length: clients }, async (_, c) => {
    const caseworker = await tokenFor(ctx.jwtSecret, `cw-${c}`, ['caseworker']);
    const reviewer = await tokenFor(ctx.jwtSecret, `rv-${c}`, ['reviewer']);
    while (running) await story(ctx, ++person, caseworker, reviewer);
  });
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}
