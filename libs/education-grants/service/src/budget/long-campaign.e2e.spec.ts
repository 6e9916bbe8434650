import { randomUUID } from 'node:crypto';
import { loadState } from '@union/event-store';
import { campaignDecider } from '@union/education-grants/domain';
import { applicationBody, as, campaignBody, openHardshipCase } from '../testing/grants-harness.fixture';
import { startGrantsOnPostgres, type PostgresGrants } from '../testing/postgres-service.fixture';

const APPLICATIONS = '/api/v1/grants/applications';
const GRANT = 500_000;
const EARLIER = 1_000;
const REVIEWERS = 5;

/**
 * Issue 14 item 7 on real PostgreSQL: five reviewers approving at once on a campaign with a long
 * history. Each approval is decided once (they queue on the campaign instead of losing the race
 * and deciding again), from the campaign's snapshot, and the budget ends exact.
 */
describe('five reviewers at once on a long campaign (real PostgreSQL)', () => {
  let s: PostgresGrants;

  beforeAll(async () => {
    s = await startGrantsOnPostgres('grants_long');
  });
  afterAll(() => s.close());

  it('approves what fits, refuses the rest, with no lost race and the snapshot equal to the log', async () => {
    const admin = as(s.http, await s.token('admin-1', ['admin']));
    const caseworker = as(s.http, await s.token('cw-1', ['caseworker'], ['u-1']));
    // Room for four more grants once the earlier reservations are counted: one, then three of five.
    const budgetFen = (EARLIER + 4) * GRANT;
    const campaignId = (
      await admin.post('/api/v1/grants/campaigns').send(campaignBody({ budgetFen })).expect(201)
    ).body.campaignId as string;
    const streamId = `campaign-${campaignId}`;
    const earlier = Array.from({ length: EARLIER }, () => ({
      type: 'BudgetReserved',
      data: { applicationId: randomUUID(), amountFen: GRANT },
    }));
    await s.infra.store.append(streamId, earlier, { expectedVersion: 1, streamType: 'campaign' });

    const ids: string[] = [];
    for (let n = 1; n <= 2 * REVIEWERS; n++) {
      await openHardshipCase(s.bus, n, 'deep');
      ids.push(
        (
          await caseworker
            .post(APPLICATIONS)
            .send(applicationBody(campaignId, n, n))
            .expect(201)
        ).body.applicationId,
      );
    }
    const reviewers = await Promise.all(
      Array.from({ length: REVIEWERS }, async (_, i) => as(s.http, await s.token(`rv-${i}`, ['reviewer']))),
    );
    // One approval first, so the campaign has its snapshot before the rush.
    await reviewers[0].post(`${APPLICATIONS}/${ids[REVIEWERS]}/approve`).send({}).expect(200);
    expect((await loadState(s.infra.store, campaignDecider, streamId)).snapshotVersion).toBe(EARLIER + 2);

    const append = jest.spyOn(s.infra.store, 'append');
    const answers = await Promise.all(
      reviewers.map((r, i) => r.post(`${APPLICATIONS}/${ids[i]}/approve`).send({})),
    );
    const appends = await Promise.allSettled(append.mock.results.map((r) => r.value as Promise<unknown>));
    append.mockRestore();

    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 409, 409]);
    for (const r of answers.filter((a) => a.status === 409)) {
      expect(r.body).toMatchObject({ code: 'BUDGET_EXHAUSTED', remainingFen: 0 });
    }
    // Every decision was taken once, on the state the previous one left: no append lost a race.
    // Three approvals append to the application and the campaign; the two refused ones only to
    // the application (rolled back with the refusal).
    expect(appends.filter((r) => r.status === 'rejected').map((r) => String(r.reason))).toEqual([]);
    expect(appends).toHaveLength(3 * 2 + 2);

    const campaign = (await admin.get(`/api/v1/grants/campaigns/${campaignId}`).expect(200)).body;
    expect(campaign).toMatchObject({ remainingFen: 0, reservedFen: budgetFen, version: 1 + EARLIER + 4 });
    const cached = await loadState(s.infra.store, campaignDecider, streamId);
    const whole = await loadState(s.infra.store, { ...campaignDecider, snapshots: undefined }, streamId);
    expect(cached.snapshotVersion).toBeGreaterThan(EARLIER);
    expect(cached.state).toEqual(whole.state);
  });
});
