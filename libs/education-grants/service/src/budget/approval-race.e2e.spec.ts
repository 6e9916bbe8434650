import { evolveCampaign, initialCampaignState, type CampaignEvent } from '@union/education-grants/domain';
import {
  applicationBody,
  as,
  campaignBody,
  countOf,
  openHardshipCase,
} from '../testing/grants-harness.fixture';
import { startGrantsOnPostgres, type PostgresGrants } from '../testing/postgres-service.fixture';

const APPLICATIONS = '/api/v1/grants/applications';
const GRANT = 500_000;
const FITS = 7;
const RACERS = 20;

/**
 * DOMAIN.md §2: "Concurrent approvals must never overspend the budget." Real PostgreSQL, a pool of
 * 20 connections, 20 reviewers approving 20 different applications at once against a budget that
 * covers 7: the campaign stream's expected version serialises them, losers decide again.
 */
describe('concurrent approvals against one budget (real PostgreSQL)', () => {
  let s: PostgresGrants;
  let admin: ReturnType<typeof as>;
  let caseworker: ReturnType<typeof as>;

  beforeAll(async () => {
    s = await startGrantsOnPostgres('grants_race');
    admin = as(s.http, await s.token('admin-1', ['admin']));
    caseworker = as(s.http, await s.token('cw-1', ['caseworker'], ['u-1']));
  });
  afterAll(() => s.close());

  it(`lets exactly ${FITS} of ${RACERS} simultaneous approvals through; the others get 409 BUDGET_EXHAUSTED`, async () => {
    const campaignId = (
      await admin
        .post('/api/v1/grants/campaigns')
        .send(campaignBody({ budgetFen: FITS * GRANT }))
        .expect(201)
    ).body.campaignId;
    const ids: string[] = [];
    for (let n = 1; n <= RACERS; n++) {
      await openHardshipCase(s.bus, n, 'deep');
      ids.push(
        (
          await caseworker
            .post(APPLICATIONS)
            .send(applicationBody(campaignId, n, n))
            .expect(201)
        ).body.applicationId,
      );
    }
    const reviewers = await Promise.all(
      ids.map(async (_, i) => as(s.http, await s.token(`rv-${i}`, ['reviewer']))),
    );

    const answers = await Promise.all(
      ids.map((id, i) => reviewers[i].post(`${APPLICATIONS}/${id}/approve`).send({})),
    );

    const ok = answers.filter((r) => r.status === 200);
    const refused = answers.filter((r) => r.status === 409);
    expect(ok).toHaveLength(FITS);
    expect(refused).toHaveLength(RACERS - FITS);
    for (const r of refused)
      expect(r.body).toMatchObject({ code: 'BUDGET_EXHAUSTED', remainingFen: 0, requestedFen: GRANT });

    const campaign = (await admin.get(`/api/v1/grants/campaigns/${campaignId}`).expect(200)).body;
    expect(campaign).toMatchObject({
      budgetFen: FITS * GRANT,
      reservedFen: FITS * GRANT,
      disbursedFen: 0,
      remainingFen: 0,
      version: 1 + FITS,
    });

    const events = await s.infra.store.readStream(`campaign-${campaignId}`);
    const reserved = events.filter((e) => e.type === 'BudgetReserved');
    expect(reserved).toHaveLength(FITS);
    expect(new Set(reserved.map((e) => (e.data as { applicationId: string }).applicationId)).size).toBe(FITS);
    let state = initialCampaignState();
    for (const e of events) {
      state = evolveCampaign(state, { type: e.type, data: e.data } as CampaignEvent);
      expect(state.reservedFen + state.disbursedFen).toBeLessThanOrEqual(state.budgetFen);
    }

    const approved = (
      await caseworker.get(`${APPLICATIONS}?campaignId=${campaignId}&status=approved`).expect(200)
    ).body;
    expect(approved.total).toBe(FITS);
    expect(approved.items.map((a: { applicationId: string }) => a.applicationId).sort()).toEqual(
      reserved.map((e) => (e.data as { applicationId: string }).applicationId).sort(),
    );
    expect(
      await countOf(
        s.infra.dataSource,
        `SELECT count(*) AS n FROM events WHERE type = 'GrantApplicationApproved'`,
      ),
    ).toBe(FITS);
  });

  it('lets one of five simultaneous submissions for the same student through; the others get 409 DUPLICATE', async () => {
    const campaignId = (await admin.post('/api/v1/grants/campaigns').send(campaignBody()).expect(201)).body
      .campaignId;
    const parents = [31, 32, 33, 34, 35];
    for (const n of parents) await openHardshipCase(s.bus, n, 'deep');
    const answers = await Promise.all(
      parents.map((n) => caseworker.post(APPLICATIONS).send(applicationBody(campaignId, n, 99))),
    );
    const created = answers.filter((r) => r.status === 201);
    expect(created).toHaveLength(1);
    for (const r of answers.filter((a) => a.status !== 201)) {
      expect(r.body).toMatchObject({
        status: 409,
        code: 'DUPLICATE',
        existingApplicationId: created[0].body.applicationId,
      });
    }
    const list = (await caseworker.get(`${APPLICATIONS}?campaignId=${campaignId}`).expect(200)).body;
    expect(list.total).toBe(1);
  });
});
