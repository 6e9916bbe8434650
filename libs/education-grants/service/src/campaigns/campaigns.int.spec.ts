import { startServiceHarness, type ServiceHarness } from '@union/testing';
import { EducationGrantsModule } from '../education-grants.module';
import { educationGrantsService } from '../education-grants.service-definition';
import {
  applicationBody,
  as,
  campaignBody,
  countOf,
  daysFromToday,
  openHardshipCase,
} from '../testing/grants-harness.fixture';

describe('campaigns (POST/GET /campaigns, close, report)', () => {
  let h: ServiceHarness;
  let admin: ReturnType<typeof as>;
  let caseworker: ReturnType<typeof as>;
  let reviewer: ReturnType<typeof as>;
  let auditor: ReturnType<typeof as>;
  const events = () => countOf(h.infra.dataSource, `SELECT count(*) AS n FROM events`);

  beforeAll(async () => {
    h = await startServiceHarness(educationGrantsService, (i, s) => EducationGrantsModule.register(i, s));
    admin = as(h.http, await h.token('admin-1', ['admin']));
    caseworker = as(h.http, await h.token('cw-1', ['caseworker'], ['u-1']));
    reviewer = as(h.http, await h.token('rv-1', ['reviewer']));
    auditor = as(h.http, await h.token('au-1', ['auditor'], ['u-elsewhere']));
  });
  afterAll(() => h.close());

  it('opens a campaign with default tiers and consistent budget figures, with an ETag', async () => {
    const res = await admin.post('/api/v1/grants/campaigns').send(campaignBody()).expect(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({
      version: 1,
      status: 'open',
      eligibleTiers: ['deep', 'relative'],
      amountsByLevelFen: { senior_high: 200_000, undergraduate: 500_000 },
      budgetFen: 10_000_000,
      reservedFen: 0,
      disbursedFen: 0,
      remainingFen: 10_000_000,
      openedBy: 'admin-1',
    });
    const got = await caseworker.get(`/api/v1/grants/campaigns/${res.body.campaignId}`).expect(200);
    expect(got.body).toEqual(res.body);
    expect(got.headers.etag).toBe('"1"');
    const [opened] = await h.infra.store.readStream(`campaign-${res.body.campaignId}`);
    expect(opened).toMatchObject({
      type: 'CampaignOpened',
      streamType: 'campaign',
      metadata: { actor: 'admin-1' },
    });
  });

  it('lets only admins open and close campaigns', async () => {
    const before = await events();
    await caseworker.post('/api/v1/grants/campaigns').send(campaignBody()).expect(403);
    const { body } = await admin.post('/api/v1/grants/campaigns').send(campaignBody()).expect(201);
    await reviewer.post(`/api/v1/grants/campaigns/${body.campaignId}/close`).expect(403);
    expect(await events()).toBe(before + 1);
  });

  it('refuses invalid terms with every field named, and stores nothing', async () => {
    const before = await events();
    const badWindow = await admin
      .post('/api/v1/grants/campaigns')
      .send(campaignBody({ opensOn: daysFromToday(5), closesOn: daysFromToday(1) }))
      .expect(400);
    expect(badWindow.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'closesOn' }] });
    const unknownLevel = await admin
      .post('/api/v1/grants/campaigns')
      .send(campaignBody({ amountsByLevelFen: { kindergarten: 1000 } }))
      .expect(400);
    expect(unknownLevel.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'amountsByLevelFen.kindergarten' })]),
    );
    await admin
      .post('/api/v1/grants/campaigns')
      .send(campaignBody({ amountsByLevelFen: {} }))
      .expect(400);
    await admin
      .post('/api/v1/grants/campaigns')
      .send(campaignBody({ amountsByLevelFen: { primary: 0 } }))
      .expect(400);
    await admin
      .post('/api/v1/grants/campaigns')
      .send(campaignBody({ eligibleTiers: ['poor'] }))
      .expect(400);
    await admin
      .post('/api/v1/grants/campaigns')
      .send(campaignBody({ budgetFen: 1.5 }))
      .expect(400);
    await admin
      .post('/api/v1/grants/campaigns')
      .send(campaignBody({ colour: 'red' }))
      .expect(400);
    expect(await events()).toBe(before);
  });

  it('closes a campaign once (If-Match honoured, closing twice is a no-op) and then refuses applications', async () => {
    const { body } = await admin
      .post('/api/v1/grants/campaigns')
      .send(campaignBody({ eligibleTiers: ['emergency'] }))
      .expect(201);
    const url = `/api/v1/grants/campaigns/${body.campaignId}/close`;
    const stale = await admin.post(url).set('If-Match', '"7"').expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 1 });
    const closed = await admin.post(url).set('If-Match', '"1"').expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', version: 2 });
    expect(closed.headers.etag).toBe('"2"');
    const again = await admin.post(url).expect(200);
    expect(again.body.version).toBe(2);
    await openHardshipCase(h.bus, 1, 'emergency');
    const refused = await caseworker
      .post('/api/v1/grants/applications')
      .send(applicationBody(body.campaignId, 1, 1))
      .expect(422);
    expect(refused.body).toMatchObject({ code: 'RULE_VIOLATION', detail: 'The campaign is closed.' });
  });

  it('answers 404 for an unknown campaign and 400 for an id that is not a uuid', async () => {
    await caseworker.get('/api/v1/grants/campaigns/6f1c0d1e-2b7a-4c52-9d0e-000000000000').expect(404);
    await caseworker.get('/api/v1/grants/campaigns/nope').expect(400);
    await admin.post('/api/v1/grants/campaigns/6f1c0d1e-2b7a-4c52-9d0e-000000000000/close').expect(404);
  });

  it('reports an empty campaign with every status and level at zero, to reviewers, auditors and admins only', async () => {
    const { body } = await admin.post('/api/v1/grants/campaigns').send(campaignBody()).expect(201);
    const url = `/api/v1/grants/campaigns/${body.campaignId}/report`;
    await caseworker.get(url).expect(403);
    await admin.get(url).expect(200);
    await reviewer.get(url).expect(200);
    const report = await auditor.get(url).expect(200);
    expect(report.body).toMatchObject({
      campaignId: body.campaignId,
      budgetFen: 10_000_000,
      approvedFen: 0,
      reservedFen: 0,
      disbursedFen: 0,
      remainingFen: 10_000_000,
      byStatus: { submitted: { count: 0, amountFen: 0 }, on_hold: { count: 0, amountFen: 0 } },
      byLevel: { primary: { count: 0, amountFen: 0 }, postgraduate: { count: 0, amountFen: 0 } },
      lateDisbursements: { count: 0, amountFen: 0 },
    });
  });
});
