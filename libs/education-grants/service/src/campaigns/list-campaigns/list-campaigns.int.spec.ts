import { CAMPAIGNS, startGrantsKit, type GrantsKit } from '../../testing/grants-kit.fixture';

// `GET /campaigns` (docs/api-changes.md): the console's campaign board lists the campaigns.
describe('listing campaigns (GET /campaigns)', () => {
  let k: GrantsKit;
  beforeAll(async () => {
    k = await startGrantsKit();
  });
  afterAll(() => k.close());

  it('lists campaigns newest year first with their budget figures, filtered by status and year, paged, for every role', async () => {
    const older = await k.openCampaign({ year: 2025, name: '2025年金秋助学' });
    const first = await k.openCampaign({ year: 2026, name: '2026年金秋助学（一）' });
    const second = await k.openCampaign({ year: 2026, name: '2026年金秋助学（二）', budgetFen: 1_000_000 });
    await k.admin.post(`${CAMPAIGNS}/${older}/close`).expect(200);
    const application = await k.submitted(second);
    await k.reviewer.post(`/api/v1/grants/applications/${application}/approve`).send({}).expect(200);

    const all = await k.caseworker.get(CAMPAIGNS).expect(200);
    expect(all.body).toMatchObject({ page: 1, pageSize: 50, total: 3 });
    expect(all.body.items.map((c: { campaignId: string }) => c.campaignId)).toEqual([second, first, older]);
    expect(all.body.items[0]).toEqual(await k.campaign(second));
    expect(all.body.items[0]).toMatchObject({
      budgetFen: 1_000_000,
      reservedFen: 500_000,
      disbursedFen: 0,
      remainingFen: 500_000,
    });

    const open = await k.caseworker.get(`${CAMPAIGNS}?status=open`).expect(200);
    expect(open.body.items.map((c: { campaignId: string }) => c.campaignId)).toEqual([second, first]);
    const closed = await k.caseworker.get(`${CAMPAIGNS}?status=closed&year=2025`).expect(200);
    expect(closed.body.items.map((c: { campaignId: string }) => c.campaignId)).toEqual([older]);
    expect((await k.caseworker.get(`${CAMPAIGNS}?year=2024`).expect(200)).body.total).toBe(0);
    const paged = await k.caseworker.get(`${CAMPAIGNS}?page=2&pageSize=2`).expect(200);
    expect(paged.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect(paged.body.items.map((c: { campaignId: string }) => c.campaignId)).toEqual([older]);

    for (const client of [k.admin, k.reviewer, await k.client('au-1', ['auditor'], ['u-elsewhere'])]) {
      expect((await client.get(CAMPAIGNS).expect(200)).body.total).toBe(3);
    }
  });

  it('refuses a bad filter with 400 naming it', async () => {
    for (const query of ['status=lost', 'year=26', 'year=abc', 'pageSize=501', 'page=0', 'colour=red']) {
      const res = await k.caseworker.get(`${CAMPAIGNS}?${query}`).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
  });
});
