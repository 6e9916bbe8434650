import { dlqTopic, TOPICS } from '@union/contracts';
import { referralIdFor } from './referral-id';
import {
  HARDSHIP,
  idNumberOf,
  openCase,
  openCaseBody,
  refOf,
  startHardshipHarness,
  type Client,
  type HardshipHarness,
} from '../testing/hardship.harness';

const risk = (personRef: string, unitId = 'u-1') => ({
  personRef,
  periodId: '9e410d00-0000-4000-8000-000000002025',
  unitId,
  memberName: '李梅',
  remainingBurdenFen: 3_500_000,
  claimIds: ['c1a10000-0000-4000-8000-000000000001', 'c1a10000-0000-4000-8000-000000000002'],
});

describe('referrals from medical aid (in-process bus + HTTP)', () => {
  let h: HardshipHarness;
  let cw: Client;
  beforeAll(async () => {
    h = await startHardshipHarness();
    cw = await h.as('cw-1', ['caseworker'], ['u-1']);
  });
  afterAll(() => h.close());

  const referral = async (referralId: string) =>
    (await cw.get(`${HARDSHIP}/referrals/${referralId}`).expect(200)).body;

  it('puts a risk for a person without an open case in the inbox, once, however often it is delivered', async () => {
    const ref = refOf(h, idNumberOf(1));
    const eventId = await h.publish(TOPICS.medicalAidClaims, 'HardshipRiskDetected', risk(ref), {
      correlationId: 'corr-1',
    });
    const referralId = referralIdFor(eventId);
    expect(await referral(referralId)).toMatchObject({
      referralId,
      status: 'pending',
      personRef: ref,
      unitId: 'u-1',
      memberName: '李梅',
      remainingBurdenFen: 3_500_000,
      version: 1,
    });
    const [received] = await h.infra.store.readStream(`referral-${referralId}`);
    expect(received.metadata).toMatchObject({
      actor: 'system:medical-aid',
      correlationId: 'corr-1',
      causationId: eventId,
    });
    const before = await h.eventCount();
    await h.publish(TOPICS.medicalAidClaims, 'HardshipRiskDetected', risk(ref), { eventId });
    expect(await h.eventCount()).toBe(before);
    const pending = await cw.get(`${HARDSHIP}/referrals?status=pending`).expect(200);
    expect(
      pending.body.items.filter((r: { referralId: string }) => r.referralId === referralId),
    ).toHaveLength(1);
  });

  it('opens a case from a pending referral only for the referred person, accepting it in the same transaction', async () => {
    const ref = refOf(h, idNumberOf(2));
    const referralId = referralIdFor(
      await h.publish(TOPICS.medicalAidClaims, 'HardshipRiskDetected', risk(ref), {
        correlationId: 'claim-story-2',
      }),
    );
    const before = await h.eventCount();
    const wrong = await cw
      .post(`${HARDSHIP}/cases`)
      .send(openCaseBody(idNumberOf(3), { referralId, channel: 'referral' }))
      .expect(400);
    expect(wrong.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'person.idNumber', message: expect.any(String) }],
    });
    await cw
      .post(`${HARDSHIP}/cases`)
      .send(openCaseBody(idNumberOf(2), { referralId: '00000000-0000-4000-8000-000000000000' }))
      .expect(404);
    expect(await h.eventCount()).toBe(before);
    const opened = await cw
      .post(`${HARDSHIP}/cases`)
      .send(openCaseBody(idNumberOf(2), { referralId, channel: 'referral' }))
      .expect(201);
    const caseId = opened.body.caseId as string;
    // The case continues the referral's chain of causes (apps/hardship-cases/README.md).
    const [filed, accepted] = await h.infra.store.readStream(`referral-${referralId}`);
    const [caseOpened] = await h.infra.store.readStream(`case-${caseId}`);
    for (const event of [accepted, caseOpened]) {
      expect(event.metadata).toMatchObject({
        actor: 'cw-1',
        correlationId: 'claim-story-2',
        causationId: filed.eventId,
        requestCorrelationId: opened.headers['x-correlation-id'],
      });
    }
    expect(await referral(referralId)).toMatchObject({
      status: 'accepted',
      caseId,
      settledBy: 'cw-1',
      version: 2,
    });
    const detail = await cw.get(`${HARDSHIP}/cases/${caseId}`).expect(200);
    expect(detail.body.referrals).toEqual([expect.objectContaining({ referralId, status: 'accepted' })]);
    await cw.post(`${HARDSHIP}/referrals/${referralId}/dismiss`).send({ reason: '重复' }).expect(422);
  });

  it('attaches a risk for a person with an open case to that case, appending to both streams', async () => {
    const caseId = await openCase(h, idNumberOf(4));
    const ref = refOf(h, idNumberOf(4));
    const eventId = await h.publish(TOPICS.medicalAidClaims, 'HardshipRiskDetected', risk(ref));
    const referralId = referralIdFor(eventId);
    expect(await referral(referralId)).toMatchObject({
      status: 'attached',
      caseId,
      settledBy: 'system:medical-aid',
    });
    const caseEvents = await h.infra.store.readStream(`case-${caseId}`);
    expect(caseEvents.map((e) => e.type)).toEqual(['HardshipCaseOpened', 'ReferralAttached']);
    const referralEvents = await h.infra.store.readStream(`referral-${referralId}`);
    expect(referralEvents.map((e) => e.type)).toEqual(['ReferralReceived', 'ReferralAttached']);
    expect(caseEvents[1].transactionId).toBe(referralEvents[0].transactionId);
    const detail = await cw.get(`${HARDSHIP}/cases/${caseId}`).expect(200);
    expect(detail.body).toMatchObject({ version: 2, referrals: [{ referralId, status: 'attached' }] });
    expect(detail.body.history.entries[1]).toMatchObject({
      type: 'ReferralAttached',
      actor: 'system:medical-aid',
    });
    const before = await h.eventCount();
    await h.publish(TOPICS.medicalAidClaims, 'HardshipRiskDetected', risk(ref), { eventId });
    expect(await h.eventCount()).toBe(before);
  });

  it('dismisses a pending referral with a reason, If-Match and unit scope', async () => {
    const referralId = referralIdFor(
      await h.publish(TOPICS.medicalAidClaims, 'HardshipRiskDetected', risk(refOf(h, idNumberOf(5)))),
    );
    const url = `${HARDSHIP}/referrals/${referralId}/dismiss`;
    const other = await h.as('cw-2', ['caseworker'], ['u-2']);
    await other.post(url).send({ reason: '街道已救助' }).expect(403);
    await other.get(`${HARDSHIP}/referrals/${referralId}`).expect(403);
    await cw.post(url).send({}).expect(400);
    await cw.post(url).send({ reason: '街道已救助', extra: true }).expect(400);
    await cw.post(url).set('If-Match', '"2"').send({ reason: '街道已救助' }).expect(409);
    const dismissed = await cw
      .post(url)
      .set('If-Match', '"1"')
      .send({ reason: '街道已纳入临时救助' })
      .expect(200);
    expect(dismissed.body).toMatchObject({
      status: 'dismissed',
      dismissedReason: '街道已纳入临时救助',
      version: 2,
    });
    expect(dismissed.headers.etag).toBe('"2"');
    expect((await cw.post(url).send({ reason: '再次' }).expect(422)).body.code).toBe('RULE_VIOLATION');
  });

  it('lists the inbox by status with paging; caseworkers see their units, auditors all', async () => {
    await h.publish(TOPICS.medicalAidClaims, 'HardshipRiskDetected', risk(refOf(h, idNumberOf(6)), 'u-2'));
    const mine = await cw.get(`${HARDSHIP}/referrals?pageSize=2&page=1`).expect(200);
    expect(mine.body).toMatchObject({ page: 1, pageSize: 2, total: 4 });
    expect(mine.body.items).toHaveLength(2);
    expect((await cw.get(`${HARDSHIP}/referrals?status=dismissed`).expect(200)).body.total).toBe(1);
    expect((await cw.get(`${HARDSHIP}/referrals?status=attached`).expect(200)).body.total).toBe(1);
    await cw.get(`${HARDSHIP}/referrals?unitId=u-2`).expect(403);
    await cw.get(`${HARDSHIP}/referrals?status=lost`).expect(400);
    const auditor = await h.as('au-1', ['auditor'], ['u-elsewhere']);
    expect((await auditor.get(`${HARDSHIP}/referrals?unitId=u-2`).expect(200)).body.total).toBe(1);
    await (await h.as('rv-1', ['reviewer'])).get(`${HARDSHIP}/referrals`).expect(403);
  });

  it('skips events it does not know and dead-letters a risk whose payload breaks the contract', async () => {
    const before = await h.eventCount();
    await h.publish(TOPICS.medicalAidClaims, 'MemberEnrolled', { personRef: 'p' });
    await h.publish(TOPICS.medicalAidClaims, 'HardshipRiskDetected', risk('p'), { version: 2 });
    const poison = await h.publish(TOPICS.medicalAidClaims, 'HardshipRiskDetected', {
      personRef: 'p',
      unitId: 'u-1',
    });
    expect(await h.eventCount()).toBe(before);
    const parked = h.bus.messages(dlqTopic(TOPICS.medicalAidClaims));
    expect(parked).toEqual([
      expect.objectContaining({
        headers: expect.objectContaining({
          'event-id': poison,
          error: expect.stringContaining('claimIds must be a list'),
        }),
      }),
    ]);
  });
});
