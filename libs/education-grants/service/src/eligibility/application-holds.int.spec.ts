import { startServiceHarness, type ServiceHarness } from '@union/testing';
import { EducationGrantsModule } from '../education-grants.module';
import { educationGrantsService } from '../education-grants.service-definition';
import {
  applicationBody,
  as,
  campaignBody,
  countOf,
  openHardshipCase,
  person,
  publishHardship,
} from '../testing/grants-harness.fixture';

const APPLICATIONS = '/api/v1/grants/applications';

/** DOMAIN.md §2 "Eligibility changes", driven by hardship.cases.v1 events on the bus. */
describe('holds and releases from hardship events (ELIGIBILITY_LISTENER)', () => {
  let h: ServiceHarness;
  let caseworker: ReturnType<typeof as>;
  let reviewer: ReturnType<typeof as>;
  let campaignId: string;
  let caseId: string;
  const parent = person('parent', 1).ref;
  const ids: Record<'submitted' | 'approved' | 'paid' | 'withdrawn', string> = {
    submitted: '',
    approved: '',
    paid: '',
    withdrawn: '',
  };
  const status = async (id: string) => (await reviewer.get(`${APPLICATIONS}/${id}`).expect(200)).body;
  const campaign = async () =>
    (await reviewer.get(`/api/v1/grants/campaigns/${campaignId}`).expect(200)).body;
  const allEvents = () => countOf(h.infra.dataSource, `SELECT count(*) AS n FROM events`);

  beforeAll(async () => {
    h = await startServiceHarness(educationGrantsService, (i, s) => EducationGrantsModule.register(i, s));
    const admin = as(h.http, await h.token('admin-1', ['admin']));
    caseworker = as(h.http, await h.token('cw-1', ['caseworker'], ['u-1']));
    reviewer = as(h.http, await h.token('rv-1', ['reviewer']));
    campaignId = (await admin.post('/api/v1/grants/campaigns').send(campaignBody()).expect(201)).body
      .campaignId;
    caseId = await openHardshipCase(h.bus, 1, 'deep');
    let student = 1;
    for (const key of Object.keys(ids) as (keyof typeof ids)[]) {
      ids[key] = (
        await caseworker
          .post(APPLICATIONS)
          .send(applicationBody(campaignId, 1, student++))
          .expect(201)
      ).body.applicationId;
    }
    for (const id of [ids.approved, ids.paid])
      await reviewer.post(`${APPLICATIONS}/${id}/approve`).send({}).expect(200);
    await caseworker
      .post(`${APPLICATIONS}/${ids.paid}/disburse`)
      .send({ paymentRef: 'P-1', paidOn: '2026-08-01' })
      .expect(200);
    await caseworker.post(`${APPLICATIONS}/${ids.withdrawn}/withdraw`).send({ reason: 'x' }).expect(200);
  });
  afterAll(() => h.close());

  it('puts submitted and approved applications on hold when the case closes; paid and withdrawn ones stay', async () => {
    await publishHardship(
      h.bus,
      'HardshipCaseClosed',
      { personRef: parent, caseId, reason: 'out_of_hardship' },
      'close-1',
    );
    expect(await status(ids.submitted)).toMatchObject({
      status: 'on_hold',
      heldFrom: 'submitted',
      holdReason: 'parent_case_closed',
      version: 2,
    });
    expect(await status(ids.approved)).toMatchObject({ status: 'on_hold', heldFrom: 'approved', version: 3 });
    expect(await status(ids.paid)).toMatchObject({ status: 'disbursed' });
    expect(await status(ids.withdrawn)).toMatchObject({ status: 'withdrawn' });
    expect(await campaign()).toMatchObject({ reservedFen: 500_000, disbursedFen: 500_000 });
    const held = await h.infra.store.readStream(`application-${ids.approved}`);
    expect(held[2]).toMatchObject({
      type: 'GrantApplicationPutOnHold',
      // The hold continues the hardship event's chain of causes (the fixture's random correlation id).
      metadata: {
        actor: 'system',
        causationId: 'close-1',
        correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      },
      personRef: parent,
    });
  });

  it('changes nothing when the same hardship event is delivered again, under the same or another id', async () => {
    const before = await allEvents();
    await publishHardship(
      h.bus,
      'HardshipCaseClosed',
      { personRef: parent, caseId, reason: 'out_of_hardship' },
      'close-1',
    );
    await publishHardship(h.bus, 'HardshipCaseClosed', {
      personRef: parent,
      caseId,
      reason: 'out_of_hardship',
    });
    expect(await allEvents()).toBe(before);
  });

  it('refuses to pay, approve or reject a held application (422), storing nothing; withdrawal stays possible later', async () => {
    const before = await allEvents();
    const pay = await caseworker
      .post(`${APPLICATIONS}/${ids.approved}/disburse`)
      .send({ paymentRef: 'P-2', paidOn: '2026-08-01' })
      .expect(422);
    expect(pay.body.code).toBe('RULE_VIOLATION');
    await reviewer.post(`${APPLICATIONS}/${ids.submitted}/approve`).send({}).expect(422);
    await reviewer.post(`${APPLICATIONS}/${ids.submitted}/reject`).send({ reason: 'x' }).expect(422);
    expect(await allEvents()).toBe(before);
  });

  it('releases them to their previous status when the case is reopened with an eligible tier', async () => {
    await publishHardship(h.bus, 'HardshipCaseReopened', { personRef: parent, caseId, tier: 'relative' });
    expect(await status(ids.submitted)).toMatchObject({ status: 'submitted', version: 3 });
    expect(await status(ids.approved)).toMatchObject({ status: 'approved', version: 4 });
    expect((await status(ids.approved)).heldFrom).toBeUndefined();
  });

  it('holds them on a change to a tier the campaign does not accept; a held approval is withdrawn with its reservation', async () => {
    await publishHardship(h.bus, 'HardshipTierChanged', {
      personRef: parent,
      caseId,
      fromTier: 'relative',
      toTier: 'emergency',
    });
    expect(await status(ids.submitted)).toMatchObject({
      status: 'on_hold',
      holdReason: 'parent_tier_not_eligible',
    });
    expect(await status(ids.approved)).toMatchObject({ status: 'on_hold', heldFrom: 'approved' });
    await caseworker
      .post(`${APPLICATIONS}/${ids.approved}/withdraw`)
      .send({ reason: '家长放弃' })
      .expect(200);
    expect(await campaign()).toMatchObject({
      reservedFen: 0,
      disbursedFen: 500_000,
      remainingFen: 9_500_000,
    });
    await publishHardship(h.bus, 'HardshipTierChanged', {
      personRef: parent,
      caseId,
      fromTier: 'emergency',
      toTier: 'deep',
    });
    expect(await status(ids.submitted)).toMatchObject({ status: 'submitted' });
    expect(await status(ids.approved)).toMatchObject({ status: 'withdrawn' });
  });

  it('ignores events of another person or another case', async () => {
    const before = await allEvents();
    await publishHardship(h.bus, 'HardshipCaseClosed', {
      personRef: parent,
      caseId: 'ca5e0000-0000-4000-8000-0000000001d0', // an older case
      reason: 'duplicate',
    });
    await openHardshipCase(h.bus, 2, 'deep');
    expect(await allEvents()).toBe(before);
    expect(await status(ids.submitted)).toMatchObject({ status: 'submitted' });
  });
});
