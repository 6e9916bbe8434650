import { rebuildProjections, START } from '@union/event-store';
import { startServiceHarness, type ServiceHarness } from '@union/testing';
import { EducationGrantsModule } from '../education-grants.module';
import { educationGrantsService } from '../education-grants.service-definition';
import {
  applicationBody,
  as,
  campaignBody,
  openHardshipCase,
  person,
  publishHardship,
} from '../testing/grants-harness.fixture';

const APPLICATIONS = '/api/v1/grants/applications';

/** ARCHITECTURE.md "Tests": every projection is idempotent, and rebuilding from the log gives the live rows. */
describe('grant read models (grant_campaign, grant_application, hardship_eligibility)', () => {
  let h: ServiceHarness;
  const rows = async () => ({
    campaigns: await h.infra.dataSource.query(`SELECT * FROM grant_campaign ORDER BY campaign_id`),
    applications: await h.infra.dataSource.query(`SELECT * FROM grant_application ORDER BY application_id`),
    eligibility: await h.infra.dataSource.query(
      `SELECT person_ref, case_id, open, tier FROM hardship_eligibility ORDER BY person_ref`,
    ),
  });

  beforeAll(async () => {
    h = await startServiceHarness(educationGrantsService, (i, s) => EducationGrantsModule.register(i, s));
    const admin = as(h.http, await h.token('admin-1', ['admin']));
    const caseworker = as(h.http, await h.token('cw-1', ['caseworker'], ['u-1']));
    const reviewer = as(h.http, await h.token('rv-1', ['reviewer']));
    const campaignId = (await admin.post('/api/v1/grants/campaigns').send(campaignBody()).expect(201)).body
      .campaignId;
    const caseIds = [await openHardshipCase(h.bus, 1), await openHardshipCase(h.bus, 2, 'relative')];
    const ids: string[] = [];
    for (const [parent, student] of [
      [1, 1],
      [1, 2],
      [2, 3],
      [2, 4],
      [2, 5],
    ]) {
      ids.push(
        (
          await caseworker
            .post(APPLICATIONS)
            .send(applicationBody(campaignId, parent, student))
            .expect(201)
        ).body.applicationId,
      );
    }
    for (const id of ids.slice(0, 4))
      await reviewer.post(`${APPLICATIONS}/${id}/approve`).send({ recurring: true }).expect(200);
    await caseworker
      .post(`${APPLICATIONS}/${ids[0]}/disburse`)
      .send({ paymentRef: 'P-1', paidOn: '2026-08-01' })
      .expect(200);
    await caseworker.post(`${APPLICATIONS}/${ids[2]}/withdraw`).send({ reason: 'x' }).expect(200);
    await publishHardship(h.bus, 'HardshipCaseClosed', {
      personRef: person('parent', 2).ref,
      caseId: caseIds[1],
      reason: 'other',
    });
    await admin.post(`/api/v1/grants/campaigns/${campaignId}/close`).expect(200);
    await admin
      .post('/api/v1/grants/campaigns')
      .send(campaignBody({ year: 2027 }))
      .expect(201);
  });
  afterAll(() => h.close());

  it('changes nothing when every event is applied a second time', async () => {
    const live = await rows();
    expect(live.applications.length).toBeGreaterThanOrEqual(6);
    const events = await h.infra.store.readAll(START, 10_000);
    await h.infra.dataSource.transaction(async (tx) => {
      for (const projection of educationGrantsService.projections) {
        await projection.apply(
          events.filter((e) => projection.handles.includes(e.type)),
          tx,
        );
      }
    });
    expect(await rows()).toEqual(live);
  });

  it('gives the live rows again when rebuilt from the log', async () => {
    const live = await rows();
    const report = await rebuildProjections(
      h.infra.dataSource,
      h.infra.store,
      educationGrantsService.projections,
    );
    expect(report.events).toBeGreaterThan(10);
    expect(await rows()).toEqual(live);
  });

  it('keeps one eligibility row per parent however often an event arrives, under the same or another id', async () => {
    const before = await rows();
    const opened = {
      personRef: person('parent', 1).ref,
      caseId: 'ca5e0000-0000-4000-8000-00000000000e',
      unitId: 'u-1',
      regionCode: '110105',
      tier: 'deep',
      openedOn: '2026-01-01',
    };
    await publishHardship(h.bus, 'HardshipCaseOpened', opened, 'e-1');
    const once = await rows();
    expect(once.eligibility).toHaveLength(before.eligibility.length);
    await publishHardship(h.bus, 'HardshipCaseOpened', opened, 'e-1');
    await publishHardship(h.bus, 'HardshipCaseOpened', opened, 'e-2');
    expect(await rows()).toEqual(once);
  });
});
