import { TOPICS } from '@union/contracts';
import { daysFromToday, person } from '../../testing/grants-harness.fixture';
import { APPLICATIONS, CAMPAIGNS, startGrantsKit, type GrantsKit } from '../../testing/grants-kit.fixture';

describe('disbursing a grant (POST /applications/{id}/disburse) and the campaign report', () => {
  let k: GrantsKit;
  beforeAll(async () => {
    k = await startGrantsKit();
  });
  afterAll(() => k.close());

  it('pays approved grants (late after school start), moves them to disbursed and publishes GrantDisbursed', async () => {
    const campaignId = await k.openCampaign({ schoolStartOn: daysFromToday(5) });
    const onTime = await k.submitted(campaignId);
    const paidSerial = k.lastSerial();
    const late = await k.submitted(campaignId);
    const notApproved = await k.submitted(campaignId);
    for (const id of [onTime, late])
      await k.reviewer.post(`${APPLICATIONS}/${id}/approve`).send({}).expect(200);
    const pay = (id: string, client = k.caseworker) => client.post(`${APPLICATIONS}/${id}/disburse`);

    expect(
      (
        await pay(notApproved)
          .send({ paymentRef: 'P-0', paidOn: daysFromToday(1) })
          .expect(409)
      ).body.code,
    ).toBe('CONFLICT');
    await pay(onTime).send({ paymentRef: 'P-1', paidOn: 'tomorrow' }).expect(400);
    await pay(onTime, await k.client('au-1', ['auditor']))
      .send({ paymentRef: 'P-1', paidOn: daysFromToday(1) })
      .expect(403);
    const paid = await pay(onTime)
      .set('If-Match', '"2"')
      .send({ paymentRef: 'P-1', paidOn: daysFromToday(5) })
      .expect(200);
    expect(paid.body).toMatchObject({
      status: 'disbursed',
      late: false,
      paymentRef: 'P-1',
      paidOn: daysFromToday(5),
      version: 3,
    });
    const paidLate = await pay(late, k.reviewer)
      .send({ paymentRef: 'P-2', paidOn: daysFromToday(6) })
      .expect(200);
    expect(paidLate.body).toMatchObject({ status: 'disbursed', late: true });
    expect(await k.campaign(campaignId)).toMatchObject({
      reservedFen: 0,
      disbursedFen: 1_000_000,
      remainingFen: 9_000_000,
    });
    await pay(late)
      .send({ paymentRef: 'P-3', paidOn: daysFromToday(6) })
      .expect(409);
    await k.caseworker.post(`${APPLICATIONS}/${late}/withdraw`).send({ reason: 'x' }).expect(409);

    await k.h.settle();
    const published = k.h.bus
      .messages(TOPICS.educationGrants)
      .filter((m) => (JSON.parse(m.value ?? '{}') as { campaignId?: string }).campaignId === campaignId);
    expect(published).toHaveLength(2);
    expect(published[0].key).toBe(person('parent', paidSerial).ref);
    expect(published[0].headers).toMatchObject({
      'event-type': 'GrantDisbursed',
      'event-version': '1',
      source: 'education-grants',
    });
    expect(JSON.parse(published[0].value ?? '{}')).toEqual({
      personRef: person('parent', paidSerial).ref,
      applicationId: onTime,
      campaignId,
      studentPersonRef: person('student', paidSerial).ref,
      level: 'undergraduate',
      amountFen: 500_000,
      paidOn: daysFromToday(5),
    });

    const report = (await k.reviewer.get(`${CAMPAIGNS}/${campaignId}/report`).expect(200)).body;
    expect(report).toMatchObject({
      approvedFen: 1_000_000,
      disbursedFen: 1_000_000,
      reservedFen: 0,
      remainingFen: 9_000_000,
      lateDisbursements: { count: 1, amountFen: 500_000 },
      byStatus: {
        disbursed: { count: 2, amountFen: 1_000_000 },
        submitted: { count: 1, amountFen: 500_000 },
      },
      byLevel: { undergraduate: { count: 3, amountFen: 1_500_000 }, primary: { count: 0, amountFen: 0 } },
    });
  });
});
