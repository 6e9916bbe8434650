import { APPLICATIONS, startGrantsKit, type GrantsKit } from '../../testing/grants-kit.fixture';

describe('reading applications (GET /applications, GET /applications/{id})', () => {
  let k: GrantsKit;
  beforeAll(async () => {
    k = await startGrantsKit();
  });
  afterAll(() => k.close());

  it('lists with filters and paging; caseworkers and reviewers see only their units, auditors everything', async () => {
    const campaignId = await k.openCampaign();
    const ids = [await k.submitted(campaignId), await k.submitted(campaignId), await k.submitted(campaignId)];
    await k.reviewer.post(`${APPLICATIONS}/${ids[0]}/approve`).send({}).expect(200);
    const list = (query: string, client = k.caseworker) =>
      client.get(`${APPLICATIONS}?campaignId=${campaignId}${query}`);

    const page = await list('&page=1&pageSize=2').expect(200);
    expect(page.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(page.body.items).toHaveLength(2);
    expect((await list('&page=2&pageSize=2').expect(200)).body.items).toHaveLength(1);
    const approved = await list('&status=approved').expect(200);
    expect(approved.body.items.map((a: { applicationId: string }) => a.applicationId)).toEqual([ids[0]]);
    expect((await list('&unitId=u-1').expect(200)).body.total).toBe(3);
    await k.caseworker.get(`${APPLICATIONS}?unitId=u-2`).expect(403);
    await list('&status=lost').expect(400);
    await list('&pageSize=501').expect(400);
    await k.admin.get(`${APPLICATIONS}`).expect(403);

    const elsewhere = await k.client('cw-2', ['caseworker', 'reviewer'], ['u-2']);
    expect((await list('', elsewhere).expect(200)).body.total).toBe(0);
    await elsewhere.get(`${APPLICATIONS}/${ids[1]}`).expect(403);
    await elsewhere.post(`${APPLICATIONS}/${ids[1]}/approve`).send({}).expect(403);

    const auditor = await k.client('au-1', ['auditor'], ['u-elsewhere']);
    expect((await list('', auditor).expect(200)).body.total).toBe(3);
    const one = await auditor.get(`${APPLICATIONS}/${ids[0]}`).expect(200);
    expect(one.headers.etag).toBe('"2"');
    expect(one.body).toMatchObject({
      applicationId: ids[0],
      version: 2,
      status: 'approved',
      decidedBy: 'rv-1',
    });
    await auditor.post(`${APPLICATIONS}/${ids[1]}/approve`).send({}).expect(403);
    await auditor.get(`${APPLICATIONS}/6f1c0d1e-2b7a-4c52-9d0e-000000000000`).expect(404);
  });

  it('leaves out what a given user submitted (submittedByNot, for the approvals inbox), nothing else', async () => {
    const campaignId = await k.openCampaign();
    const both = await k.client('cr-1', ['caseworker', 'reviewer'], ['u-1']);
    const theirs = await k.submitted(campaignId);
    const own = await k.submitted(campaignId, both);
    const list = (query: string) =>
      k.reviewer.get(`${APPLICATIONS}?campaignId=${campaignId}&status=submitted${query}`).expect(200);
    const ids = (body: { items: { applicationId: string }[] }) =>
      body.items.map((a) => a.applicationId).sort();
    expect(ids((await list('')).body)).toEqual([theirs, own].sort());
    const notMine = await list('&submittedByNot=cr-1');
    expect(notMine.body).toMatchObject({ total: 1, items: [{ applicationId: theirs, submittedBy: 'cw-1' }] });
    await k.reviewer.get(`${APPLICATIONS}?submittedByNot=`).expect(400);
    // Only a filter: approving one's own is still refused by the decision itself.
    expect((await both.post(`${APPLICATIONS}/${own}/approve`).send({}).expect(403)).body.code).toBe(
      'SAME_ACTOR',
    );
  });
});
