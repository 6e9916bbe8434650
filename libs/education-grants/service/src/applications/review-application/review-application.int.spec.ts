import { APPLICATIONS, startGrantsKit, type GrantsKit } from '../../testing/grants-kit.fixture';

describe('reviewing an application (approve, reject)', () => {
  let k: GrantsKit;
  beforeAll(async () => {
    k = await startGrantsKit();
  });
  afterAll(() => k.close());

  it('approves: reserves the grant on the campaign in the same transaction, and keeps the figures consistent', async () => {
    const campaignId = await k.openCampaign();
    const id = await k.submitted(campaignId);
    const approved = await k.reviewer
      .post(`${APPLICATIONS}/${id}/approve`)
      .set('If-Match', '"1"')
      .send({})
      .expect(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      version: 2,
      decidedBy: 'rv-1',
      recurring: false,
    });
    expect(approved.headers.etag).toBe('"2"');
    expect(await k.campaign(campaignId)).toMatchObject({
      version: 2,
      budgetFen: 10_000_000,
      reservedFen: 500_000,
      disbursedFen: 0,
      remainingFen: 9_500_000,
    });
    const [, reserved] = await k.h.infra.store.readStream(`campaign-${campaignId}`);
    const [, approvedEvent] = await k.h.infra.store.readStream(`application-${id}`);
    expect(reserved).toMatchObject({
      type: 'BudgetReserved',
      data: { applicationId: id, amountFen: 500_000 },
    });
    expect(reserved.transactionId).toBe(approvedEvent.transactionId);
  });

  it('refuses the submitter as reviewer (403 SAME_ACTOR), a stale If-Match (409) and approving twice (409 CONFLICT)', async () => {
    const campaignId = await k.openCampaign();
    const both = await k.client('cw-rv', ['caseworker', 'reviewer'], ['u-1']);
    const own = await k.submitted(campaignId, both);
    const approve = (client = k.reviewer) => client.post(`${APPLICATIONS}/${own}/approve`);
    expect((await approve(both).send({}).expect(403)).body.code).toBe('SAME_ACTOR');
    const reject = await both.post(`${APPLICATIONS}/${own}/reject`).send({ reason: 'x' }).expect(403);
    expect(reject.body.code).toBe('SAME_ACTOR');
    const stale = await approve().set('If-Match', '"3"').send({}).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 1 });
    await approve().set('If-Match', 'three').send({}).expect(400);
    await approve(k.caseworker).send({}).expect(403);
    await approve().send({}).expect(200);
    expect((await approve().send({}).expect(409)).body.code).toBe('CONFLICT');
    expect(await k.eventCount(`campaign-${campaignId}`)).toBe(2);
  });

  it('refuses an approval the budget cannot cover (409 BUDGET_EXHAUSTED); exact exhaustion is allowed; nothing stored', async () => {
    const campaignId = await k.openCampaign({ budgetFen: 1_000_000 });
    const [a, b, c] = [
      await k.submitted(campaignId),
      await k.submitted(campaignId),
      await k.submitted(campaignId),
    ];
    await k.reviewer.post(`${APPLICATIONS}/${a}/approve`).send({}).expect(200);
    await k.reviewer.post(`${APPLICATIONS}/${b}/approve`).send({}).expect(200);
    const refused = await k.reviewer.post(`${APPLICATIONS}/${c}/approve`).send({}).expect(409);
    expect(refused.body).toMatchObject({ code: 'BUDGET_EXHAUSTED', remainingFen: 0, requestedFen: 500_000 });
    const after = await k.reviewer.get(`${APPLICATIONS}/${c}`).expect(200);
    expect(after.body).toMatchObject({ status: 'submitted', version: 1 });
    expect(await k.eventCount(`application-${c}`)).toBe(1);
    expect(await k.eventCount(`campaign-${campaignId}`)).toBe(3);
    expect(await k.campaign(campaignId)).toMatchObject({ reservedFen: 1_000_000, remainingFen: 0 });
  });

  it('rejects with a reason, leaving the budget alone', async () => {
    const campaignId = await k.openCampaign();
    const id = await k.submitted(campaignId);
    await k.reviewer.post(`${APPLICATIONS}/${id}/reject`).send({}).expect(400);
    const res = await k.reviewer
      .post(`${APPLICATIONS}/${id}/reject`)
      .send({ reason: '材料不全' })
      .expect(200);
    expect(res.body).toMatchObject({
      status: 'rejected',
      rejectionReason: '材料不全',
      decidedBy: 'rv-1',
      version: 2,
    });
    expect(await k.eventCount(`campaign-${campaignId}`)).toBe(1);
    await k.reviewer.post(`${APPLICATIONS}/${id}/approve`).send({}).expect(409);
  });
});
