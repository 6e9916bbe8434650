import request from 'supertest';
import { CAMPAIGNS, startGrantsKit, type GrantsKit } from '../../testing/grants-kit.fixture';

describe('listing campaigns (GET /campaigns, beyond API.md)', () => {
  let k: GrantsKit;
  beforeAll(async () => {
    k = await startGrantsKit();
  });
  afterAll(() => k.close());

  it('lists every campaign to every role, newest year first, by year and status, paged', async () => {
    const older = await k.openCampaign({ year: 2025, name: '2025年金秋助学' });
    const newer = await k.openCampaign({ year: 2026, name: '2026年金秋助学' });
    const closed = await k.openCampaign({ year: 2026, name: '2026年补充助学' });
    await k.admin.post(`${CAMPAIGNS}/${closed}/close`).expect(200);

    const all = await k.caseworker.get(CAMPAIGNS).expect(200);
    expect(all.body).toMatchObject({ page: 1, pageSize: 50, total: 3 });
    const ids = (all.body.items as { campaignId: string }[]).map((c) => c.campaignId);
    expect(ids.slice(2)).toEqual([older]);
    expect(ids.slice(0, 2).sort()).toEqual([newer, closed].sort());
    expect(all.body.items[2]).toEqual(await k.campaign(older));

    const year = await k.reviewer.get(`${CAMPAIGNS}?year=2026&status=open`).expect(200);
    expect((year.body.items as { campaignId: string }[]).map((c) => c.campaignId)).toEqual([newer]);
    const paged = await k.admin.get(`${CAMPAIGNS}?page=2&pageSize=2`).expect(200);
    expect(paged.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect(paged.body.items).toHaveLength(1);
    const auditor = await k.client('au-1', ['auditor'], ['u-elsewhere']);
    expect((await auditor.get(CAMPAIGNS).expect(200)).body.total).toBe(3);
  });

  it('refuses a bad filter and asks for a token', async () => {
    for (const query of ['year=20x6', 'year=1999', 'status=lost', 'unitId=u-1', 'pageSize=501']) {
      const res = await k.caseworker.get(`${CAMPAIGNS}?${query}`).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    await request(k.h.http).get(CAMPAIGNS).expect(401);
  });
});
