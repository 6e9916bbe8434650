import request from 'supertest';
import { rebuildProjections, START } from '@union/event-store';
import { fundReport, type ClaimRow, type MembershipRow } from '@union/medical-aid/domain';
import type { ServiceHarness } from '@union/testing';
import { medicalAidService } from '../medical-aid.service-definition';
import {
  act,
  actors,
  API,
  bill,
  enroll,
  hardshipCaseOpened,
  idNumber,
  openPeriod,
  startMedicalAid,
  submitClaim,
  TODAY,
} from '../testing/medical-aid.harness';

const TABLES = {
  period_summary: 'period_id',
  membership_summary: 'member_key',
  claim_summary: 'claim_id',
} as const;

/** ARCHITECTURE.md, "Tests": every projection is idempotent and rebuilds to the live rows. */
describe('medical-aid read models', () => {
  let h: ServiceHarness;
  let periodId: string;

  const snapshot = async () =>
    Object.fromEntries(
      await Promise.all(
        Object.entries(TABLES).map(async ([table, key]) => [
          table,
          await h.infra.dataSource.query<unknown[]>(`SELECT * FROM ${table} ORDER BY ${key}`),
        ]),
      ),
    ) as Record<keyof typeof TABLES, Record<string, unknown>[]>;

  beforeAll(async () => {
    h = await startMedicalAid();
    const as = actors(h);
    periodId = await openPeriod(h);
    await openPeriod(h, { name: 'another period' });
    await hardshipCaseOpened(h, idNumber(1), 'deep');
    await enroll(
      h,
      periodId,
      Array.from({ length: 40 }, (_, i) => idNumber(i + 1)),
    );
    await enroll(h, periodId, [idNumber(50), idNumber(51)], 'unit-2');
    const claimIds: string[] = [];
    for (const [n, total] of [
      [1, 30_000_000],
      [2, 6_200_000],
      [3, 9_000_000],
      [50, 12_000_000],
    ] as const) {
      claimIds.push(
        (
          (await submitClaim(h, periodId, idNumber(n), 'H', bill(total, Math.floor(total / 3)))).body as {
            claimId: string;
          }
        ).claimId,
      );
    }
    for (const claimId of claimIds.slice(0, 3)) await act(h, claimId, 'approve', await as.reviewer(), {});
    for (const claimId of claimIds.slice(0, 2))
      await act(h, claimId, 'pay', await as.caseworker(), { paymentRef: 'B', paidOn: TODAY });
    await act(h, claimIds[3], 'reject', await as.reviewer(), { reason: 'no' });
  });
  afterAll(() => h.close());

  it('changes nothing when every event is applied again', async () => {
    const live = await snapshot();
    expect(live.membership_summary).toHaveLength(42);
    expect(live.claim_summary).toHaveLength(4);
    const events = await h.infra.store.readAll(START, 100_000);
    await h.infra.dataSource.transaction(async (tx) => {
      for (const projection of medicalAidService.projections) {
        await projection.apply(
          events.filter((e) => projection.handles.includes(e.type)),
          tx,
        );
      }
    });
    expect(await snapshot()).toEqual(live);
  });

  it('rebuilds from the log to exactly the live rows, including the bulk-enrolled memberships', async () => {
    const live = await snapshot();
    const report = await rebuildProjections(
      h.infra.dataSource,
      h.infra.store,
      medicalAidService.projections,
    );
    expect(report.events).toBeGreaterThan(50);
    expect(await snapshot()).toEqual(live);
  });

  it('sums the fund report in the database to the domain’s fundReport over every row', async () => {
    const live = await snapshot();
    const expected = fundReport(
      { periodId },
      live.membership_summary.map((r) => r.data as MembershipRow),
      live.claim_summary.map((r) => r.data as ClaimRow),
    );
    const res = await request(h.http)
      .get(`${API}/periods/${periodId}/fund-report`)
      .set('Authorization', await actors(h).admin())
      .expect(200);
    expect(res.body).toEqual(expected);
    expect(res.body).toMatchObject({
      membersPaid: 41,
      membersWaived: 1,
      contributionsFen: 410_000,
      claimsPaid: 2,
    });
  });
});
