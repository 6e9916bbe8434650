import { randomUUID } from 'node:crypto';
import { dropSnapshots, loadState, readSnapshot, writeSnapshot } from '@union/event-store';
import { campaignDecider, evolveCampaign, initialCampaignState } from '@union/education-grants/domain';
import { APPLICATIONS, startGrantsKit, type GrantsKit } from '../testing/grants-kit.fixture';

const GRANT = 500_000;
/** Approvals already in the campaign's log before the test's own: past several snapshot intervals. */
const EARLIER = 450;
const wholeFold = { ...campaignDecider, snapshots: undefined };

/**
 * ARCHITECTURE.md: a long stream is decided from a snapshot plus the events after it; the snapshot
 * is a cache. Two campaigns with the same long history, one decided with snapshots and one with
 * every snapshot deleted before each command, give the same answers up to the last fen.
 */
describe('a long campaign decided from its snapshot (education-grants, PGlite)', () => {
  let kit: GrantsKit;

  beforeAll(async () => {
    kit = await startGrantsKit();
  });
  afterAll(() => kit.close());

  /** A campaign whose log already holds EARLIER reservations, one paid and one released in ten. */
  async function longCampaign(): Promise<string> {
    // Room for exactly two more grants once the earlier ones are counted.
    const paid = EARLIER / 10;
    const released = EARLIER / 10;
    const budgetFen = (EARLIER - released + 2) * GRANT;
    const campaignId = await kit.openCampaign({ budgetFen });
    const events = [];
    for (let n = 0; n < EARLIER; n++) {
      const applicationId = randomUUID();
      events.push({ type: 'BudgetReserved', data: { applicationId, amountFen: GRANT } });
      if (n % 10 === 0)
        events.push({ type: 'GrantPaidFromBudget', data: { applicationId, amountFen: GRANT } });
      if (n % 10 === 1) {
        events.push({
          type: 'ReservationReleased',
          data: { applicationId, amountFen: GRANT, reason: 'withdrawn' },
        });
      }
    }
    expect(events.length).toBe(EARLIER + paid + released);
    await kit.h.infra.store.append(`campaign-${campaignId}`, events, {
      expectedVersion: 1,
      streamType: 'campaign',
    });
    return campaignId;
  }

  it('approves the last two grants the budget covers and refuses the third, with or without snapshots', async () => {
    const withSnapshots = await longCampaign();
    const withoutSnapshots = await longCampaign();
    const store = kit.h.infra.store;
    const answers: Record<string, unknown[]> = { [withSnapshots]: [], [withoutSnapshots]: [] };
    const applications: Record<string, string[]> = { [withSnapshots]: [], [withoutSnapshots]: [] };
    for (const campaignId of [withSnapshots, withoutSnapshots]) {
      for (let i = 0; i < 3; i++) applications[campaignId].push(await kit.submitted(campaignId));
    }
    const act = async (
      campaignId: string,
      step: (id: string[]) => Promise<{ status: number; body: unknown }>,
    ) => {
      if (campaignId === withoutSnapshots)
        await dropSnapshots(kit.h.infra.dataSource, `campaign-${campaignId}`);
      const res = await step(applications[campaignId]);
      answers[campaignId].push([res.status, (res.body as { code?: string }).code ?? null]);
    };
    const approve = (i: number) => (ids: string[]) =>
      kit.reviewer.post(`${APPLICATIONS}/${ids[i]}/approve`).send({});
    const withdraw = (i: number) => (ids: string[]) =>
      kit.caseworker.post(`${APPLICATIONS}/${ids[i]}/withdraw`).send({ reason: 'Moved away' });

    const steps = [
      approve(0),
      approve(1),
      approve(2), // one grant more than remains
      withdraw(0), // gives 500,000 back
      approve(2),
      withdraw(0), // already withdrawn: refused, nothing released twice
    ];
    for (const step of steps) {
      for (const campaignId of [withSnapshots, withoutSnapshots]) await act(campaignId, step);
    }

    expect(answers[withSnapshots]).toEqual([
      [200, null],
      [200, null],
      [409, 'BUDGET_EXHAUSTED'],
      [200, null],
      [200, null],
      [409, 'CONFLICT'],
    ]);
    expect(answers[withoutSnapshots]).toEqual(answers[withSnapshots]);
    const [a, b] = [await kit.campaign(withSnapshots), await kit.campaign(withoutSnapshots)];
    expect(a).toMatchObject({ remainingFen: 0, disbursedFen: (EARLIER / 10) * GRANT });
    const figures = ({
      budgetFen,
      reservedFen,
      disbursedFen,
      remainingFen,
      status,
      version,
    }: Record<string, unknown>) => ({ budgetFen, reservedFen, disbursedFen, remainingFen, status, version });
    expect(figures(b)).toEqual(figures(a));

    // The snapshotted campaign was decided from a snapshot, and that state is the log's fold.
    const streamId = `campaign-${withSnapshots}`;
    const cached = await loadState(store, campaignDecider, streamId);
    expect(cached.snapshotVersion).toBeGreaterThan(EARLIER);
    const events = await store.readStream(streamId);
    const folded = events.reduce((s, e) => evolveCampaign(s, e as never), initialCampaignState());
    expect(cached.state).toEqual(folded);
    expect((await loadState(store, wholeFold, streamId)).state).toEqual(folded);
  });

  it('ignores a snapshot that does not match the log, so a tampered one cannot free budget', async () => {
    const campaignId = await longCampaign();
    const streamId = `campaign-${campaignId}`;
    const [first, second, third] = [
      await kit.submitted(campaignId),
      await kit.submitted(campaignId),
      await kit.submitted(campaignId),
    ];
    await kit.reviewer.post(`${APPLICATIONS}/${first}/approve`).send({}).expect(200);
    const snapshot = await readSnapshot(kit.h.infra.dataSource.manager, streamId, 1);
    expect(snapshot).not.toBeNull();
    if (!snapshot) return;
    // A snapshot claiming nothing was reserved, under a hash the log does not hold at its version.
    const forged = { ...(snapshot.state as object), reservedFen: 0, disbursedFen: 0 };
    await writeSnapshot(kit.h.infra.dataSource.manager, { ...snapshot, hash: '0'.repeat(64), state: forged });
    await kit.reviewer.post(`${APPLICATIONS}/${second}/approve`).send({}).expect(200);
    const refused = await kit.reviewer.post(`${APPLICATIONS}/${third}/approve`).send({}).expect(409);
    expect(refused.body).toMatchObject({ code: 'BUDGET_EXHAUSTED', remainingFen: 0 });
  });
  it("serves the audit the log's fold, never the snapshot, even one forged with the right hash", async () => {
    const campaignId = await longCampaign();
    const streamId = `campaign-${campaignId}`;
    await kit.reviewer
      .post(`${APPLICATIONS}/${await kit.submitted(campaignId)}/approve`)
      .send({})
      .expect(200);
    const snapshot = await readSnapshot(kit.h.infra.dataSource.manager, streamId, 1);
    if (!snapshot) throw new Error('no snapshot');
    const forged = { ...(snapshot.state as object), reservedFen: 0 };
    await writeSnapshot(kit.h.infra.dataSource.manager, { ...snapshot, state: forged });
    // Commands would trust this row (README, "What a snapshot cannot prove"); the audit does not.
    expect((await loadState(kit.h.infra.store, campaignDecider, streamId)).state).toMatchObject({
      reservedFen: 0,
    });
    const auditor = await kit.client('au-1', ['auditor']);
    const res = await auditor.get(`/api/v1/audit/streams/${streamId}/state`).expect(200);
    const events = await kit.h.infra.store.readStream(streamId);
    const folded = events.reduce((s, e) => evolveCampaign(s, e as never), initialCampaignState());
    expect(folded.reservedFen).toBeGreaterThan(0);
    expect(res.body).toMatchObject({ version: events.length, state: JSON.parse(JSON.stringify(folded)) });
  });
});
