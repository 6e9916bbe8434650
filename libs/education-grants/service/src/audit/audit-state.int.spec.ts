import { applicationDecider } from '@union/education-grants/domain';
import { APPLICATIONS, startGrantsKit, type GrantsKit } from '../testing/grants-kit.fixture';

const AUDIT = '/api/v1/audit';
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** An application's state as of a version and an instant, with the live decider's evolve. */
describe('audit state of an application (education-grants, PGlite)', () => {
  let kit: GrantsKit;

  beforeAll(async () => {
    kit = await startGrantsKit();
  });
  afterAll(() => kit.close());

  it('folds the application up to a version or an instant, and serves its history', async () => {
    const campaignId = await kit.openCampaign();
    const applicationId = await kit.submitted(campaignId);
    await new Promise((r) => setTimeout(r, 5));
    await kit.reviewer.post(`${APPLICATIONS}/${applicationId}/approve`).send({}).expect(200);
    const streamId = `application-${applicationId}`;
    const events = await kit.h.infra.store.readStream(streamId);
    expect(events.length).toBeGreaterThanOrEqual(2);
    const fold = (n: number) =>
      events
        .slice(0, n)
        .reduce((s, e) => applicationDecider.evolve(s, e as never), applicationDecider.initialState());
    const auditor = await kit.client('au-1', ['auditor']);
    const v1 = await auditor.get(`${AUDIT}/streams/${streamId}/state?asOfVersion=1`).expect(200);
    expect(v1.body).toMatchObject({ service: 'education-grants', streamType: 'application', version: 1 });
    expect((v1.body as { state: unknown }).state).toEqual(json(fold(1)));
    const at = events[0].recordedAt.toISOString();
    const instant = await auditor.get(`${AUDIT}/streams/${streamId}/state?asOf=${at}`).expect(200);
    expect(instant.body).toMatchObject({ version: 1, state: json(fold(1)) });
    const now = await auditor.get(`${AUDIT}/streams/${streamId}/state`).expect(200);
    expect(now.body).toMatchObject({ version: events.length, state: json(fold(events.length)) });
    expect(json(fold(events.length))).not.toEqual(json(fold(1)));
    const history = await auditor.get(`${AUDIT}/streams/${streamId}/events`).expect(200);
    expect((history.body as { events: { type: string }[] }).events.map((e) => e.type)).toEqual(
      events.map((e) => e.type),
    );
  });
});
