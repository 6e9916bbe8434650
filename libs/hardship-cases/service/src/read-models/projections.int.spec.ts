import { TOPICS } from '@union/contracts';
import { rebuildProjections, START, type InlineProjection } from '@union/event-store';
import { hardshipProjections } from '../hardship-cases.service-definition';
import { HolidayBatchRunner } from '../holiday-batches/holiday-batch-runner';
import { referralIdFor } from '../referrals/referral-id';
import {
  createFund,
  HARDSHIP,
  idNumberOf,
  openCase,
  openCaseBody,
  refOf,
  startHardshipHarness,
  type HardshipHarness,
} from '../testing/hardship.harness';

/** Every read-model table and its key, in the order rows are compared. */
const TABLES: Record<string, string> = {
  case_summary: 'case_id',
  case_assistance: 'assistance_id',
  case_visit: 'visit_id',
  case_external_assistance: 'source_event_id',
  referral: 'referral_id',
  holiday_batch: 'batch_id',
  fund: 'fund_id',
  region_policy_version: 'region_code, version',
};

describe('read models: idempotent and rebuildable from the log', () => {
  let h: HardshipHarness;

  const rows = async (table: string): Promise<unknown[]> =>
    (
      await h.infra.dataSource.query<{ row: unknown }[]>(
        `SELECT to_jsonb(t) AS row FROM ${table} t ORDER BY ${TABLES[table]}`,
      )
    ).map((r) => r.row);
  const snapshot = async () =>
    Object.fromEntries(await Promise.all(Object.keys(TABLES).map(async (t) => [t, await rows(t)] as const)));
  /** Applies the log again: in order, each event twice in one batch, then each event alone, newest first. */
  const applyAgain = async (projection: InlineProjection) => {
    const events = (await h.infra.store.readAll(START, 10_000)).filter((e) =>
      projection.handles.includes(e.type),
    );
    const { dataSource } = h.infra;
    await dataSource.transaction((tx) =>
      projection.apply(
        events.flatMap((e) => [e, e]),
        tx,
      ),
    );
    for (const event of [...events].reverse())
      await dataSource.transaction((tx) => projection.apply([event], tx));
  };

  beforeAll(async () => {
    h = await startHardshipHarness();
    const cw = await h.as('cw-1', ['caseworker'], ['u-1']);
    const reviewer = await h.as('rv-1', ['reviewer'], ['*']);
    const fundId = await createFund(h);
    const gift = (amountFen: number) => ({
      kind: 'goods',
      category: 'living',
      amountFen,
      fundId,
      description: '米面油',
    });
    // A case with every kind of detail: visits, assistance (disbursed, approved, rejected), pairing, payments, a referral.
    const a = await openCase(h, idNumberOf(1));
    await cw
      .post(`${HARDSHIP}/cases/${a}/visits`)
      .send({ visitedOn: '2024-01-05', visitor: '张红', findings: '家中困难' })
      .expect(201);
    await cw
      .post(`${HARDSHIP}/cases/${a}/visits`)
      .send({ visitedOn: '2024-06-05', visitor: '张红', findings: '有所好转' })
      .expect(201);
    await cw.post(`${HARDSHIP}/cases/${a}/assistance`).send(gift(20_000)).expect(201);
    for (const decision of ['approve', 'reject']) {
      const pending = await cw.post(`${HARDSHIP}/cases/${a}/assistance`).send(gift(600_000)).expect(201);
      await reviewer
        .post(`${HARDSHIP}/cases/${a}/assistance/${pending.body.assistanceId}/${decision}`)
        .send({ reason: '审核' })
        .expect(200);
    }
    await cw
      .put(`${HARDSHIP}/cases/${a}/pairing`)
      .send({ helperName: '李志强', helperUnit: '市总工会' })
      .expect(200);
    await cw
      .post(`${HARDSHIP}/cases/${a}/reassessments`)
      .send({ household: { size: 2, monthlyIncomeFen: 250_000 } })
      .expect(200);
    const paid = {
      personRef: refOf(h, idNumberOf(1)),
      claimId: 'c1a10000-0000-4000-8000-000000000001',
      periodId: '9e410d00-0000-4000-8000-000000000001',
      unitId: 'u-1',
      outOfPocketFen: 9,
      payoutFen: 8,
      paidOn: '2025-05-06',
    };
    await h.publish(TOPICS.medicalAidClaims, 'ClaimPaid', paid);
    await h.publish(TOPICS.medicalAidClaims, 'HardshipRiskDetected', {
      personRef: paid.personRef,
      periodId: paid.periodId,
      unitId: 'u-1',
      memberName: '王建国',
      remainingBurdenFen: 3_000_000,
      claimIds: [paid.claimId],
    });
    await cw.post(`${HARDSHIP}/cases/${a}/close`).send({ reason: 'out_of_hardship' }).expect(200);
    await cw.post(`${HARDSHIP}/cases/${a}/reopen`).send({ reason: '再次困难' }).expect(200);
    // Referrals settled every way: accepted by an opening, dismissed, and one still pending.
    const risk = (n: number) => ({
      personRef: refOf(h, idNumberOf(n)),
      periodId: paid.periodId,
      unitId: 'u-1',
      memberName: '李梅',
      remainingBurdenFen: 3_100_000,
      claimIds: [],
    });
    const accepted = referralIdFor(await h.publish(TOPICS.medicalAidClaims, 'HardshipRiskDetected', risk(2)));
    await cw
      .post(`${HARDSHIP}/cases`)
      .send(openCaseBody(idNumberOf(2), { referralId: accepted }))
      .expect(201);
    const dismissed = referralIdFor(
      await h.publish(TOPICS.medicalAidClaims, 'HardshipRiskDetected', risk(3)),
    );
    await cw.post(`${HARDSHIP}/referrals/${dismissed}/dismiss`).send({ reason: '已救助' }).expect(200);
    await h.publish(TOPICS.medicalAidClaims, 'HardshipRiskDetected', risk(4));
    // A holiday batch run to its end: the batch row, the fund's reservation and spending.
    const holidayFund = await createFund(h, { category: 'holiday', amountFen: 1_000_000 });
    const batch = await cw
      .post(`${HARDSHIP}/holiday-batches`)
      .send({
        name: '春节送温暖',
        orgId: 'u-1',
        fundId: holidayFund,
        tiers: ['deep'],
        amountsByTierFen: { deep: 50_000 },
        paidOn: `${new Date().getUTCFullYear()}-12-20`,
      })
      .expect(201);
    await reviewer
      .post(`${HARDSHIP}/holiday-batches/${batch.body.batchId as string}/approve`)
      .send({})
      .expect(200);
    await h.app.get(HolidayBatchRunner).runPending();
    // Two versions of a region's policy.
    const admin = await h.as('admin-1', ['admin'], ['*']);
    for (const minimumLivingStandardFen of [95_000, 100_000]) {
      await admin
        .put(`${HARDSHIP}/policies/regions/410305`)
        .send({ minimumLivingStandardFen, relativeMultiplierBp: 15_000 })
        .expect(200);
    }
  });
  afterAll(() => h.close());

  it('has rows in every read model (so the comparisons below mean something)', async () => {
    const live = await snapshot();
    expect(Object.fromEntries(Object.entries(live).map(([t, r]) => [t, r.length]))).toEqual({
      case_summary: 2,
      case_assistance: 4, // three recorded by hand, one by the holiday batch
      case_visit: 2,
      case_external_assistance: 1,
      referral: 4,
      holiday_batch: 1,
      fund: 2,
      region_policy_version: 2,
    });
  });

  it.each(hardshipProjections.map((p) => [p.name, p] as const))(
    '%s: applying the same events twice changes nothing',
    async (_name, projection) => {
      const live = await snapshot();
      await applyAgain(projection);
      expect(await snapshot()).toEqual(live);
    },
  );

  it.each(hardshipProjections.map((p) => [p.name, p] as const))(
    '%s: rebuilding from the log gives the live rows',
    async (_name, projection) => {
      const live = await snapshot();
      const report = await rebuildProjections(h.infra.dataSource, h.infra.store, [projection]);
      expect(report.events).toBeGreaterThan(0);
      expect(await snapshot()).toEqual(live);
    },
  );

  it('rebuilds all of them together to the same rows', async () => {
    const live = await snapshot();
    await rebuildProjections(h.infra.dataSource, h.infra.store, hardshipProjections, {
      batchSize: 7,
    });
    expect(await snapshot()).toEqual(live);
  });
});
