import request from 'supertest';
import type { ServiceHarness } from '@union/testing';
import {
  act,
  actors,
  API,
  bill,
  enroll,
  eventCount,
  idNumber,
  openPeriod,
  startMedicalAid,
  submitClaim,
  TODAY,
} from '../testing/medical-aid.harness';

// `POST /claims?dryRun=true` (docs/api-changes.md): the console's live quote before saving.
describe('medical-aid claims: submission as a dry run', () => {
  let h: ServiceHarness;
  let as: ReturnType<typeof actors>;
  let periodId: string;
  const member = idNumber(50);

  beforeAll(async () => {
    h = await startMedicalAid();
    as = actors(h);
    periodId = await openPeriod(h);
    await enroll(h, periodId, [member, idNumber(51)]);
    await enroll(h, periodId, [idNumber(52)], 'unit-2');
  });
  afterAll(() => h.close());

  const body = (id: string, hospital: string, claimBill: object) => ({
    periodId,
    idNumber: id,
    hospital,
    admittedOn: TODAY,
    dischargedOn: TODAY,
    diagnosisCode: 'C34.9',
    bill: claimBill,
  });
  const dryRun = async (payload: object, status: number, auth?: string, query = 'dryRun=true') => {
    const req = request(h.http)
      .post(`${API}/claims?${query}`)
      .set('Authorization', auth ?? (await as.caseworker()));
    // A key on a dry run is ignored (below, the real submission with it is decided fresh).
    if (query === 'dryRun=true') req.set('Idempotency-Key', 'claim-preview-1');
    return req.send(payload).expect(status);
  };
  const idempotencyRecords = async (): Promise<number> => {
    const [{ n }] = await h.infra.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM idempotency',
    );
    return n;
  };

  it('answers the claim and quote the submission would record, with the cap left, storing nothing', async () => {
    const before = await eventCount(h);
    const keysBefore = await idempotencyRecords();
    // Worked example 2 of DOMAIN.md §3: e 199,000 yuan -> 25,000 + 89,400 = 114,400 yuan.
    const preview = await dryRun(body(member, '青海省人民医院', bill(30_000_000, 10_000_000)), 201);
    expect(preview.body).toMatchObject({
      dryRun: true,
      capLeftFen: 20_000_000,
      status: 'submitted',
      version: 1,
      periodId,
      member: { name: '会员0' },
      unitId: 'unit-1',
      hospital: '青海省人民医院',
      quote: {
        outOfPocketFen: 20_000_000,
        deductibleFen: 100_000,
        eligibleFen: 19_900_000,
        bands: [
          { uptoFen: 5_000_000, ratioBp: 5000, baseFen: 5_000_000, amountFen: 2_500_000 },
          { uptoFen: null, ratioBp: 6000, baseFen: 14_900_000, amountFen: 8_940_000 },
        ],
        capAppliedFen: 0,
        payoutFen: 11_440_000,
        policyVersion: `period-${periodId}-1`,
      },
    });
    expect(await eventCount(h)).toBe(before);
    expect(await idempotencyRecords()).toBe(keysBefore);
    await request(h.http)
      .get(`${API}/claims/${preview.body.claimId}`)
      .set('Authorization', await as.caseworker())
      .expect(404);
    // Nothing held the admission either: the real submission with the same key is decided fresh.
    const real = await request(h.http)
      .post(`${API}/claims`)
      .set('Authorization', await as.caseworker())
      .set('Idempotency-Key', 'claim-preview-1')
      .send(body(member, '青海省人民医院', bill(30_000_000, 10_000_000)))
      .expect(201);
    expect(real.body.dryRun).toBeUndefined();
    expect(real.body.capLeftFen).toBeUndefined();
    expect(real.body.claimId).not.toBe(preview.body.claimId);
    expect(real.body.quote).toEqual(preview.body.quote);
    expect(await eventCount(h)).toBe(before + 2);
  });

  it('quotes against the cap left after approved claims, as the submission would', async () => {
    const first = await submitClaim(h, periodId, idNumber(51), '医院甲', bill(30_000_000, 0));
    await act(h, first.body.claimId as string, 'approve', await as.reviewer(), {});
    // The first payout, reserved on approval: e 299,000 yuan -> 25,000 + 149,400 = 174,400 yuan
    // of the 200,000 cap, so 25,600 are left. The second: e 99,000 -> 25,000 + 29,400 = 54,400,
    // cut to the 25,600 left.
    const preview = await dryRun(body(idNumber(51), '医院乙', bill(10_000_000, 0)), 201);
    expect(preview.body).toMatchObject({
      capLeftFen: 2_560_000,
      quote: { eligibleFen: 9_900_000, capAppliedFen: 2_880_000, payoutFen: 2_560_000 },
    });
  });

  it('refuses as the submission would: a second claim for the admission, not enrolled, another unit, a bad bill', async () => {
    const before = await eventCount(h);
    const held = await dryRun(body(member, ' 青海省人民医院 ', bill(100_000, 0)), 409).catch(async (e) => {
      console.log(
        (
          await request(h.http)
            .post(`${API}/claims?dryRun=true`)
            .set('Authorization', await as.caseworker())
            .send(body(member, ' 青海省人民医院 ', bill(100_000, 0)))
        ).body,
        JSON.stringify(
          await h.infra.dataSource.query(
            "select stream_id, type, data from events where stream_id like 'member-%'",
          ),
        ),
      );
      throw e;
    });
    expect(held.body).toMatchObject({ code: 'DUPLICATE' });
    const stranger = await dryRun(body(idNumber(99), '医院', bill(100_000, 0)), 422);
    expect(stranger.body).toMatchObject({ code: 'NOT_ELIGIBLE' });
    // Another unit's member is, to this caseworker, not enrolled (issue 13), as on the submission.
    const elsewhere = await dryRun(
      body(idNumber(52), '医院', bill(100_000, 0)),
      422,
      await as.caseworker(['unit-1'], 'cw-unit-1'),
    );
    expect(elsewhere.body).toMatchObject({ code: 'NOT_ELIGIBLE' });
    const overpaid = await dryRun(
      body(member, '医院丙', { ...bill(100_000, 0), otherPaidFen: 100_001 }),
      400,
    );
    expect(overpaid.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'bill' }] });
    await dryRun(body(member, '医院丙', bill(100_000, 0)), 403, await as.reviewer());
    await dryRun(body(member, '医院丙', bill(100_000, 0)), 400, undefined, 'dryRun=maybe');
    await dryRun(body(member, '医院丙', bill(100_000, 0)), 400, undefined, 'dryRun=true&extra=1');
    expect(await eventCount(h)).toBe(before);
  });
});
