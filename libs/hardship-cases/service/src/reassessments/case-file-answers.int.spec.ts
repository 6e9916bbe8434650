import { chinaToday } from '@union/kernel';
import {
  createFund,
  HARDSHIP,
  idNumberOf,
  openCase,
  startHardshipHarness,
  type Client,
  type HardshipHarness,
} from '../testing/hardship.harness';

// The case file's answers for the console (docs/api-changes.md, issue 16): the reassessment's dry
// run, this year's assistance against the cap, and the history's figures per entry.
const ENV = { HARDSHIP_APPROVAL_THRESHOLD_FEN: '100000', HARDSHIP_ANNUAL_ASSISTANCE_CAP_FEN: '300000' };

describe('the case file for the console (HTTP)', () => {
  let h: HardshipHarness;
  let cw: Client;
  let fundId: string;
  const year = Number(chinaToday(new Date()).slice(0, 4));
  beforeAll(async () => {
    h = await startHardshipHarness(ENV);
    fundId = await createFund(h);
    cw = await h.as('cw-1', ['caseworker'], ['u-1']);
  });
  afterAll(() => h.close());

  const idempotencyRecords = async (): Promise<number> => {
    const [{ n }] = await h.infra.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM idempotency',
    );
    return n;
  };

  it('answers a reassessment as a dry run: the tier and the lines it was judged by, nothing stored', async () => {
    const caseId = await openCase(h, idNumberOf(301));
    const url = `${HARDSHIP}/cases/${caseId}/reassessments`;
    const before = await h.eventCount();
    const keys = await idempotencyRecords();
    const relative = await cw
      .post(`${url}?dryRun=true`)
      .set('Idempotency-Key', 'reassess-preview-1')
      .set('If-Match', '"1"')
      .send({ household: { size: 2, monthlyIncomeFen: 250_000 } })
      .expect(200);
    expect(relative.body).toMatchObject({
      dryRun: true,
      caseId,
      version: 1,
      status: 'open',
      tier: 'relative',
      computedTier: 'relative',
      perCapitaIncomeFen: 125_000,
      household: { size: 2, monthlyIncomeFen: 250_000 },
      policyVersion: 'default-1',
      assessment: {
        tier: 'relative',
        perCapitaIncomeFen: 125_000,
        minimumLivingStandardFen: 90_000,
        relativeLineFen: 135_000,
        exceeded: 'minimum_living_standard',
      },
    });
    expect(relative.headers.etag).toBe('"1"');
    expect(await h.eventCount()).toBe(before);
    expect(await idempotencyRecords()).toBe(keys);
    const unchanged = await cw.get(`${HARDSHIP}/cases/${caseId}`).expect(200);
    expect(unchanged.body).toMatchObject({ version: 1, tier: 'deep', perCapitaIncomeFen: 75_000 });

    // Above every line: the preview says the case would close, as the real one then does.
    const out = await cw
      .post(`${url}?dryRun=true`)
      .send({ household: { size: 1, monthlyIncomeFen: 200_000 } })
      .expect(200);
    expect(out.body).toMatchObject({
      dryRun: true,
      status: 'closed',
      closedReason: 'out_of_hardship',
      assessment: { tier: null, perCapitaIncomeFen: 200_000, exceeded: 'relative_line' },
    });
    expect(await h.eventCount()).toBe(before);

    // The same key then reassesses for real: the dry run left no answer to replay.
    const real = await cw
      .post(url)
      .set('Idempotency-Key', 'reassess-preview-1')
      .send({ household: { size: 2, monthlyIncomeFen: 250_000 } })
      .expect(200);
    expect(real.body.dryRun).toBeUndefined();
    expect(real.body).toMatchObject({ tier: 'relative', version: 3 });
  });

  it('refuses a dry run as the real reassessment is refused, and any other dryRun value', async () => {
    const caseId = await openCase(h, idNumberOf(302));
    const url = `${HARDSHIP}/cases/${caseId}/reassessments`;
    const before = await h.eventCount();
    const stale = await cw
      .post(`${url}?dryRun=true`)
      .set('If-Match', '"7"')
      .send({ household: { size: 2, monthlyIncomeFen: 250_000 } })
      .expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 1 });
    const bad = await cw
      .post(`${url}?dryRun=true`)
      .send({ household: { size: 0, monthlyIncomeFen: 250_000 } })
      .expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'household.size' })]);
    await cw
      .post(`${url}?dryRun=yes`)
      .send({ household: { size: 2, monthlyIncomeFen: 250_000 } })
      .expect(400);
    const other = await h.as('cw-2', ['caseworker'], ['u-2']);
    await other
      .post(`${url}?dryRun=true`)
      .send({ household: { size: 2, monthlyIncomeFen: 250_000 } })
      .expect(403);
    await cw.post(`${HARDSHIP}/cases/${caseId}/close`).send({ reason: 'moved_away' }).expect(200);
    const closed = await cw
      .post(`${url}?dryRun=true`)
      .send({ household: { size: 2, monthlyIncomeFen: 250_000 } })
      .expect(422);
    expect(closed.body.code).toBe('RULE_VIOLATION');
    expect(await h.eventCount()).toBe(before + 1);
  });

  it('gives this year’s assistance against the cap, from the service’s limits, on the case file', async () => {
    const caseId = await openCase(h, idNumberOf(303));
    const fresh = await cw.get(`${HARDSHIP}/cases/${caseId}`).expect(200);
    expect(fresh.body.cap).toEqual({
      year,
      usedFen: 0,
      capFen: 300_000,
      remainingFen: 300_000,
      approvalThresholdFen: 100_000,
      policyVersion: 'assistance-100000-300000',
    });
    const give = (amountFen: number) =>
      cw
        .post(`${HARDSHIP}/cases/${caseId}/assistance`)
        .send({ kind: 'cash', category: 'living', amountFen, fundId, description: '生活补助' })
        .expect(201);
    await give(50_001);
    const pending = await give(120_000);
    expect(pending.body.status).toBe('pending_approval');
    const detail = await cw.get(`${HARDSHIP}/cases/${caseId}`).expect(200);
    // Disbursed and awaiting approval both count, as the cap counts them.
    expect(detail.body.cap).toMatchObject({ usedFen: 170_001, remainingFen: 129_999 });
    expect(detail.body.assistanceThisYearFen).toBe(170_001);
    const reviewer = await h.as('rv-1', ['reviewer'], ['*']);
    await reviewer
      .post(`${HARDSHIP}/cases/${caseId}/assistance/${pending.body.assistanceId}/reject`)
      .send({ reason: '材料不全' })
      .expect(200);
    const after = await cw.get(`${HARDSHIP}/cases/${caseId}`).expect(200);
    expect(after.body.cap).toMatchObject({ usedFen: 50_001, remainingFen: 249_999 });

    // The history's entries carry the figures a timeline shows, never the person's own fields.
    const entries = after.body.history.entries as { type: string; facts: Record<string, unknown> }[];
    expect(entries.map((e) => e.type)).toEqual([
      'HardshipCaseOpened',
      'AssistanceRecorded',
      'AssistanceRecorded',
      'AssistanceRejected',
    ]);
    expect(entries[0].facts).toMatchObject({ tier: 'deep', perCapitaIncomeFen: 75_000 });
    expect(entries[0].facts).not.toHaveProperty('name');
    expect(entries[2].facts).toMatchObject({
      kind: 'cash',
      category: 'living',
      amountFen: 120_000,
      status: 'pending_approval',
    });
    expect(entries[3].facts).toMatchObject({ reason: '材料不全' });
  });

  it('gives the lines the tier was judged by, under the policy version the case names', async () => {
    const caseId = await openCase(h, idNumberOf(305));
    const detail = await cw.get(`${HARDSHIP}/cases/${caseId}`).expect(200);
    expect(detail.body.assessment).toEqual({
      tier: 'deep',
      perCapitaIncomeFen: 75_000,
      minimumLivingStandardFen: 90_000,
      relativeLineFen: 135_000,
    });
    // A region publishes its own lines twice; a case judged under the first keeps the first's.
    const admin = await h.as('admin-1', ['admin'], ['*']);
    const region = `${HARDSHIP}/policies/regions/110105`;
    await admin
      .put(region)
      .send({ minimumLivingStandardFen: 80_000, relativeMultiplierBp: 15_000 })
      .expect(200);
    const judged = await openCase(h, idNumberOf(306), { household: { size: 2, monthlyIncomeFen: 200_000 } });
    await admin
      .put(region)
      .send({ minimumLivingStandardFen: 120_000, relativeMultiplierBp: 12_000 })
      .expect(200);
    const first = await cw.get(`${HARDSHIP}/cases/${judged}`).expect(200);
    expect(first.body).toMatchObject({ policyVersion: '110105-1', tier: 'relative' });
    expect(first.body.assessment).toEqual({
      tier: 'relative',
      perCapitaIncomeFen: 100_000,
      minimumLivingStandardFen: 80_000,
      relativeLineFen: 120_000,
      exceeded: 'minimum_living_standard',
    });
  });

  it('keeps a visit’s findings out of the history’s figures', async () => {
    const caseId = await openCase(h, idNumberOf(304));
    const today = chinaToday(new Date());
    await cw
      .post(`${HARDSHIP}/cases/${caseId}/visits`)
      .send({ visitedOn: today, visitor: '张红', findings: '老人卧床。' })
      .expect(201);
    const detail = await cw.get(`${HARDSHIP}/cases/${caseId}`).expect(200);
    const visit = detail.body.history.entries[1] as { type: string; facts: Record<string, unknown> };
    expect(visit).toMatchObject({ type: 'HomeVisitRecorded', facts: { visitedOn: today, visitor: '张红' } });
    expect(JSON.stringify(visit)).not.toContain('老人卧床');
  });
});
