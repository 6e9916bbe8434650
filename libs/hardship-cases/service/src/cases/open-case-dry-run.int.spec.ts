import {
  HARDSHIP,
  idNumberOf,
  openCase,
  openCaseBody,
  startHardshipHarness,
  type HardshipHarness,
} from '../testing/hardship.harness';

// `POST /cases?dryRun=true` (docs/api-changes.md): the console's tier preview before saving.
describe('hardship cases: opening as a dry run', () => {
  let h: HardshipHarness;
  beforeAll(async () => {
    h = await startHardshipHarness();
  });
  afterAll(() => h.close());

  const idempotencyRecords = async (): Promise<number> => {
    const [{ n }] = await h.infra.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM idempotency',
    );
    return n;
  };

  it('answers the case the request would open with the lines it was judged by, storing nothing', async () => {
    const cw = await h.as('cw-1', ['caseworker'], ['u-1']);
    const before = await h.eventCount();
    const keysBefore = await idempotencyRecords();
    const res = await cw
      .post(`${HARDSHIP}/cases?dryRun=true`)
      .set('Idempotency-Key', 'preview-1')
      .send(openCaseBody(idNumberOf(40)))
      .expect(201);
    expect(res.body).toMatchObject({
      dryRun: true,
      status: 'open',
      tier: 'deep',
      computedTier: 'deep',
      perCapitaIncomeFen: 75_000,
      policyVersion: 'default-1',
      assessment: {
        tier: 'deep',
        perCapitaIncomeFen: 75_000,
        minimumLivingStandardFen: 90_000,
        relativeLineFen: 135_000,
      },
    });
    expect(res.body.nextReviewDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await h.eventCount()).toBe(before);
    expect(await idempotencyRecords()).toBe(keysBefore);
    await cw.get(`${HARDSHIP}/cases/${res.body.caseId}`).expect(404);
    // The same key then opens the case for real: the dry run left no answer to replay.
    const real = await cw
      .post(`${HARDSHIP}/cases`)
      .set('Idempotency-Key', 'preview-1')
      .send(openCaseBody(idNumberOf(40)))
      .expect(201);
    expect(real.body.dryRun).toBeUndefined();
    expect(real.body.caseId).not.toBe(res.body.caseId);
    expect(await h.eventCount()).toBe(before + 1);
  });

  it('names the relative line the household was above', async () => {
    const cw = await h.as('cw-1', ['caseworker'], ['u-1']);
    const res = await cw
      .post(`${HARDSHIP}/cases?dryRun=true`)
      .send(openCaseBody(idNumberOf(41), { household: { size: 2, monthlyIncomeFen: 240_000 } }))
      .expect(201);
    expect(res.body).toMatchObject({
      tier: 'relative',
      assessment: {
        perCapitaIncomeFen: 120_000,
        relativeLineFen: 135_000,
        exceeded: 'minimum_living_standard',
      },
    });
  });

  it('refuses as the opening would: above every line, a second open case, a bad field, another unit', async () => {
    const cw = await h.as('cw-1', ['caseworker'], ['u-1']);
    const before = await h.eventCount();
    const above = await cw
      .post(`${HARDSHIP}/cases?dryRun=true`)
      .send(openCaseBody(idNumberOf(42), { household: { size: 1, monthlyIncomeFen: 200_000 } }))
      .expect(422);
    expect(above.body).toMatchObject({
      code: 'NOT_ELIGIBLE',
      perCapitaIncomeFen: 200_000,
      relativeLineFen: 135_000,
    });
    const caseId = await openCase(h, idNumberOf(43));
    const afterOpen = await h.eventCount();
    const second = await cw
      .post(`${HARDSHIP}/cases?dryRun=true`)
      .send(openCaseBody(idNumberOf(43)))
      .expect(409);
    expect(second.body).toMatchObject({ code: 'CONFLICT', existingCaseId: caseId });
    const bad = await cw
      .post(`${HARDSHIP}/cases?dryRun=true`)
      .send(openCaseBody(idNumberOf(44), { household: { size: 0, monthlyIncomeFen: 1 } }))
      .expect(400);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'household.size' })]),
    );
    await cw
      .post(`${HARDSHIP}/cases?dryRun=true`)
      .send(openCaseBody(idNumberOf(45), { unitId: 'u-9' }))
      .expect(403);
    await cw
      .post(`${HARDSHIP}/cases?dryRun=maybe`)
      .send(openCaseBody(idNumberOf(46)))
      .expect(400);
    expect(await h.eventCount()).toBe(afterOpen);
    expect(afterOpen).toBe(before + 1);
  });
});
