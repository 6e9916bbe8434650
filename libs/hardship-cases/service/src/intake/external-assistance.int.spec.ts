import { TOPICS } from '@union/contracts';
import {
  HARDSHIP,
  idNumberOf,
  openCase,
  refOf,
  startHardshipHarness,
  type Client,
  type HardshipHarness,
} from '../testing/hardship.harness';

const uuid = (n: number) => `abc00000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const STUDENT = 'f'.repeat(64);

describe('assistance from the other programmes in case histories (in-process bus)', () => {
  let h: HardshipHarness;
  let cw: Client;
  beforeAll(async () => {
    h = await startHardshipHarness();
    cw = await h.as('cw-1', ['caseworker'], ['u-1']);
  });
  afterAll(() => h.close());

  const detail = async (caseId: string) => (await cw.get(`${HARDSHIP}/cases/${caseId}`).expect(200)).body;
  const inbox = async (eventId: string) =>
    await h.infra.dataSource.query<{ consumer: string }[]>(`SELECT consumer FROM inbox WHERE event_id = $1`, [
      eventId,
    ]);

  it('records a disbursed grant on the parent’s open case, once however often it is delivered', async () => {
    const caseId = await openCase(h, idNumberOf(1));
    const personRef = refOf(h, idNumberOf(1));
    const grant = {
      personRef,
      applicationId: uuid(1),
      campaignId: uuid(2025),
      studentPersonRef: STUDENT,
      level: 'senior_high',
      amountFen: 200_000,
      paidOn: '2025-08-20',
    };
    const eventId = await h.publish(TOPICS.educationGrants, 'GrantDisbursed', grant, {
      correlationId: 'corr-grant',
    });
    const after = await detail(caseId);
    expect(after.externalAssistance).toEqual([
      {
        sourceEventId: eventId,
        source: 'education-grants',
        type: 'GrantDisbursed',
        amountFen: 200_000,
        occurredOn: '2025-08-20',
      },
    ]);
    expect(after.history.entries[1]).toMatchObject({
      type: 'ExternalAssistanceRecorded',
      actor: 'system:education-grants',
    });
    const [, recorded] = await h.infra.store.readStream(`case-${caseId}`);
    expect(recorded.metadata).toMatchObject({
      correlationId: 'corr-grant',
      causationId: eventId,
      policyVersion: 'default-1',
    });
    const before = await h.eventCount();
    await h.publish(TOPICS.educationGrants, 'GrantDisbursed', grant, { eventId });
    expect(await h.eventCount()).toBe(before);
    expect((await detail(caseId)).externalAssistance).toHaveLength(1);
  });

  it('records paid claims (their payout) and serious-illness aid (dated by occurred-at, China time)', async () => {
    const caseId = await openCase(h, idNumberOf(2));
    const personRef = refOf(h, idNumberOf(2));
    const claim = await h.publish(TOPICS.medicalAidClaims, 'ClaimPaid', {
      personRef,
      claimId: uuid(11),
      periodId: uuid(12),
      unitId: 'u-1',
      outOfPocketFen: 4_100_000,
      payoutFen: 2_000_000,
      paidOn: '2025-05-06',
    });
    const aid = await h.publish(
      TOPICS.medicalAidClaims,
      'SeriousIllnessAidGranted',
      { personRef, periodId: uuid(12), amountFen: 500_000, totalGrantedFen: 500_000 },
      { occurredAt: '2025-05-06T17:30:00.000Z' },
    );
    expect((await detail(caseId)).externalAssistance).toEqual([
      {
        sourceEventId: claim,
        source: 'medical-aid',
        type: 'ClaimPaid',
        amountFen: 2_000_000,
        occurredOn: '2025-05-06',
      },
      {
        sourceEventId: aid,
        source: 'medical-aid',
        type: 'SeriousIllnessAidGranted',
        amountFen: 500_000,
        occurredOn: '2025-05-07',
      },
    ]);
    expect(await inbox(claim)).toEqual([{ consumer: 'hardship-cases:external-assistance' }]);
  });

  it('records nothing for a person without an open case (the event is consumed and only logged)', async () => {
    const caseId = await openCase(h, idNumberOf(3));
    await cw.post(`${HARDSHIP}/cases/${caseId}/close`).send({ reason: 'moved_away' }).expect(200);
    const before = await h.eventCount();
    const closed = await h.publish(TOPICS.educationGrants, 'GrantDisbursed', {
      personRef: refOf(h, idNumberOf(3)),
      applicationId: uuid(3),
      campaignId: uuid(2025),
      studentPersonRef: STUDENT,
      level: 'primary',
      amountFen: 100_000,
      paidOn: '2025-08-20',
    });
    const stranger = await h.publish(TOPICS.medicalAidClaims, 'ClaimPaid', {
      personRef: refOf(h, idNumberOf(4)),
      claimId: uuid(13),
      periodId: uuid(12),
      unitId: 'u-1',
      outOfPocketFen: 1,
      payoutFen: 1,
      paidOn: '2025-05-06',
    });
    expect(await h.eventCount()).toBe(before);
    expect((await detail(caseId)).externalAssistance).toEqual([]);
    expect(await inbox(closed)).toHaveLength(1);
    expect(await inbox(stranger)).toHaveLength(1);
  });

  it('skips events of types or versions it does not read, without an inbox row', async () => {
    const caseId = await openCase(h, idNumberOf(5));
    const personRef = refOf(h, idNumberOf(5));
    const before = await h.eventCount();
    const unknown = await h.publish(TOPICS.educationGrants, 'GrantApproved', { personRef });
    const v2 = await h.publish(
      TOPICS.educationGrants,
      'GrantDisbursed',
      { personRef, amountFen: 1, paidOn: '2025-08-20' },
      { version: 2 },
    );
    expect(await h.eventCount()).toBe(before);
    expect(await inbox(unknown)).toEqual([]);
    expect(await inbox(v2)).toEqual([]);
    expect((await detail(caseId)).externalAssistance).toEqual([]);
  });
});
