import { applicationBody, countOf, openHardshipCase, person } from '../../testing/grants-harness.fixture';
import { APPLICATIONS, startGrantsKit, type GrantsKit } from '../../testing/grants-kit.fixture';

const DRY = `${APPLICATIONS}?dryRun=true`;

// `POST /applications?dryRun=true` (docs/api-changes.md): the console shows the amount the level
// gives, or why the application would be refused, before the caseworker saves it.
describe('submitting an application as a dry run', () => {
  let k: GrantsKit;
  let campaignId: string;
  const counts = async () => ({
    events: await countOf(k.h.infra.dataSource, `SELECT count(*) AS n FROM events`),
    rows: await countOf(k.h.infra.dataSource, `SELECT count(*) AS n FROM grant_application`),
    keys: await countOf(k.h.infra.dataSource, `SELECT count(*) AS n FROM idempotency`),
  });

  beforeAll(async () => {
    k = await startGrantsKit();
    campaignId = await k.openCampaign();
    for (const serial of [1, 2]) await openHardshipCase(k.h.bus, serial, 'deep');
    await openHardshipCase(k.h.bus, 3, 'emergency');
  });
  afterAll(() => k.close());

  it('answers the application the request would create, at the amount of the level, storing nothing', async () => {
    const before = await counts();
    const body = applicationBody(campaignId, 1, 1);
    const res = await k.caseworker.post(DRY).set('Idempotency-Key', 'dry-1').send(body).expect(201);
    expect(res.body).toMatchObject({
      dryRun: true,
      version: 1,
      campaignId,
      status: 'submitted',
      parent: { idNumberMasked: expect.stringMatching(/^110105\*{8}\d{3}[\dX]$/) },
      student: { name: '王小明', level: 'undergraduate', school: '青海大学' },
      unitId: 'u-1',
      amountFen: 500_000,
      recurring: false,
      submittedBy: 'cw-1',
    });
    expect(JSON.stringify(res.body)).not.toContain(person('parent', 1).idNumber);
    expect(res.body).not.toHaveProperty('parentPersonRef');
    const senior = await k.caseworker
      .post(DRY)
      .send({ ...body, student: { ...body.student, level: 'senior_high' } })
      .expect(201);
    expect(senior.body.amountFen).toBe(200_000);
    expect(await counts()).toEqual(before);
    await k.caseworker.get(`${APPLICATIONS}/${res.body.applicationId}`).expect(404);

    // The same key then submits for real: the dry run left no answer to replay.
    const real = await k.caseworker.post(APPLICATIONS).set('Idempotency-Key', 'dry-1').send(body).expect(201);
    expect(real.body.dryRun).toBeUndefined();
    expect(real.body.applicationId).not.toBe(res.body.applicationId);
    expect(real.body.amountFen).toBe(500_000);
    expect((await counts()).rows).toBe(before.rows + 1);
  });

  it('refuses as the submission would: a second application, an ineligible parent, an unfunded level, bad input, another unit', async () => {
    const first = await k.caseworker
      .post(APPLICATIONS)
      .send(applicationBody(campaignId, 2, 20))
      .expect(201);
    const before = await counts();
    const second = await k.caseworker
      .post(DRY)
      .send(applicationBody(campaignId, 2, 20))
      .expect(409);
    expect(second.body).toMatchObject({ code: 'DUPLICATE', existingApplicationId: first.body.applicationId });
    const elsewhere = await k.client('cw-2', ['caseworker'], ['u-2']);
    const hidden = await elsewhere
      .post(DRY)
      .send(applicationBody(campaignId, 2, 20, { unitId: 'u-2' }))
      .expect(409);
    expect(hidden.body.code).toBe('DUPLICATE');
    expect(hidden.body).not.toHaveProperty('existingApplicationId');
    const none = await k.caseworker
      .post(DRY)
      .send(applicationBody(campaignId, 9, 90))
      .expect(422);
    expect(none.body).toMatchObject({ code: 'NOT_ELIGIBLE', eligibleTiers: ['deep', 'relative'] });
    const emergency = await k.caseworker
      .post(DRY)
      .send(applicationBody(campaignId, 3, 30))
      .expect(422);
    expect(emergency.body).toMatchObject({ code: 'NOT_ELIGIBLE', tier: 'emergency' });
    const body = applicationBody(campaignId, 1, 21);
    const primary = await k.caseworker
      .post(DRY)
      .send({ ...body, student: { ...body.student, level: 'primary' } })
      .expect(422);
    expect(primary.body).toMatchObject({
      code: 'RULE_VIOLATION',
      fundedLevels: ['senior_high', 'undergraduate'],
    });
    const badId = await k.caseworker
      .post(DRY)
      .send({ ...body, parentIdNumber: '110105198001010011' })
      .expect(400);
    expect(badId.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'parentIdNumber' }] });
    await k.caseworker
      .post(DRY)
      .send({ ...body, unitId: 'u-2' })
      .expect(403);
    await k.reviewer.post(DRY).send(body).expect(403);
    await k.caseworker
      .post(DRY)
      .send({ ...body, campaignId: '6f1c0d1e-2b7a-4c52-9d0e-000000000000' })
      .expect(404);
    await k.caseworker.post(`${APPLICATIONS}?dryRun=maybe`).send(body).expect(400);
    await k.caseworker.post(`${APPLICATIONS}?dryRun=true&extra=1`).send(body).expect(400);
    expect(await counts()).toEqual(before);
  });
});
