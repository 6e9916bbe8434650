import { APPLICATIONS, startGrantsKit, type GrantsKit } from '../../testing/grants-kit.fixture';

describe('withdrawing an application (POST /applications/{id}/withdraw)', () => {
  let k: GrantsKit;
  beforeAll(async () => {
    k = await startGrantsKit();
  });
  afterAll(() => k.close());

  it('gives an approved application’s reservation back; a submitted one leaves the campaign alone', async () => {
    const campaignId = await k.openCampaign();
    const [approved, pending] = [await k.submitted(campaignId), await k.submitted(campaignId)];
    await k.reviewer.post(`${APPLICATIONS}/${approved}/approve`).send({}).expect(200);
    expect(await k.campaign(campaignId)).toMatchObject({ reservedFen: 500_000, remainingFen: 9_500_000 });
    await k.caseworker.post(`${APPLICATIONS}/${approved}/withdraw`).send({}).expect(400);
    await k.caseworker
      .post(`${APPLICATIONS}/${approved}/withdraw`)
      .set('If-Match', '"1"')
      .send({ reason: 'x' })
      .expect(409);
    const res = await k.caseworker
      .post(`${APPLICATIONS}/${approved}/withdraw`)
      .set('If-Match', '"2"')
      .send({ reason: '家长放弃' })
      .expect(200);
    expect(res.body).toMatchObject({ status: 'withdrawn', withdrawalReason: '家长放弃', version: 3 });
    expect(await k.campaign(campaignId)).toMatchObject({
      reservedFen: 0,
      remainingFen: 10_000_000,
      version: 3,
    });
    const [, , released] = await k.h.infra.store.readStream(`campaign-${campaignId}`);
    expect(released).toMatchObject({
      type: 'ReservationReleased',
      data: { applicationId: approved, amountFen: 500_000, reason: 'withdrawn' },
    });
    await k.reviewer.post(`${APPLICATIONS}/${pending}/withdraw`).send({ reason: 'x' }).expect(403);
    await k.caseworker
      .post(`${APPLICATIONS}/${pending}/withdraw`)
      .send({ reason: '已获其他资助' })
      .expect(200);
    expect(await k.eventCount(`campaign-${campaignId}`)).toBe(3);
    await k.caseworker.post(`${APPLICATIONS}/${pending}/withdraw`).send({ reason: 'again' }).expect(409);
  });
});
